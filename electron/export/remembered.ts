// A project remembers its last export's format and settings (node name, start frame, timecode
// offset, tolerance), whoever made it (the dialog, the API or the CLI), for the next export dialog.
import { RememberedExport } from '../common/export/options';
import type { ProjectDb } from '../db/open';
import { readProjectSetting, writeProjectSetting } from '../db/project-settings';

const KEY = 'export.last';

/** The last export's settings, or null when the project has none (or what it holds is not valid any more). */
export function rememberedExport(db: ProjectDb): RememberedExport | null {
  const parsed = RememberedExport.safeParse(readProjectSetting(db, KEY));
  return parsed.success ? parsed.data : null;
}

export function rememberExport(db: ProjectDb, settings: RememberedExport): void {
  if (db.readonly) return; // a project opened read-only exports without remembering
  writeProjectSetting(db, KEY, RememberedExport.parse(settings));
}
