// The export formats the dialogs offer: the registry's (electron/common/export/formats.ts), which
// the host writes every one of, in the dialog's order (Maya first: what most shots go to).
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormatInfo, type ExportFormatName } from '../../../electron/common/export/formats';

export interface FormatInfo extends ExportFormatInfo {
  /** Written by the host today: every registry format has a writer (export-shot.ts); kept so a future format can be shown as "coming". */
  available: boolean;
  /** Keys are reduced within the tolerance (the others keep a value on every frame). */
  keyed: boolean;
}

const DIALOG_ORDER: readonly ExportFormatName[] = ['anim', ...EXPORT_FORMAT_NAMES.filter((f) => f !== 'anim')];

export const FORMATS: readonly FormatInfo[] = DIALOG_ORDER.map((f) => ({ ...EXPORT_FORMATS[f], available: true, keyed: EXPORT_FORMATS[f].options.tolerance }));

export function formatInfo(format: ExportFormatName): FormatInfo {
  return FORMATS.find((f) => f.format === format) ?? FORMATS[0]!;
}
