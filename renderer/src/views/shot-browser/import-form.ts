// The import dialog's form as plain data, checked and turned into an ImportRequest here so the
// rules are testable without rendering anything.
import type { ImportRequest, NormalConvention } from '../../../../electron/common/api/schemas';
import { compileNamePattern } from '../../../../electron/common/slate/slate';

export interface ImportForm {
  rgbSource: string;
  normalSource: string;
  shotName: string;
  /** Left blank: the host uses the video's rate or its default. */
  fps: string;
  normalConvention: NormalConvention;
  /** Import the truth.csv beside a synthetic capture as a comparison take: only when asked. */
  truthTake: boolean;
  /** Fills the slate from the shot or capture names: "sc{scene}_tk{take}_{actor}"; blank: no slate. */
  namePattern: string;
}

export const EMPTY_FORM: ImportForm = { rgbSource: '', normalSource: '', shotName: '', fps: '', normalConvention: 'opengl', truthTake: false, namePattern: '' };

export type FormErrors = Partial<Record<keyof ImportForm, string>>;

export function validateImport(f: ImportForm): FormErrors {
  const errors: FormErrors = {};
  if (!f.rgbSource.trim()) errors.rgbSource = 'Pick the RGB image folder or a video file.';
  if (!f.shotName.trim()) errors.shotName = 'Give the shot a name.';
  else if (f.shotName.trim().length > 200) errors.shotName = 'At most 200 characters.';
  if (f.fps.trim()) {
    const fps = Number(f.fps);
    if (!Number.isFinite(fps) || fps <= 0 || fps > 1000) errors.fps = 'A frame rate between 0 and 1000.';
  }
  if (f.normalSource.trim() && f.normalSource.trim() === f.rgbSource.trim()) {
    errors.normalSource = 'The normal maps must be in another folder than the RGB plates.';
  }
  if (f.namePattern.trim()) {
    const p = compileNamePattern(f.namePattern);
    if ('problem' in p) errors.namePattern = `${p.problem[0]!.toUpperCase()}${p.problem.slice(1)}.`;
  }
  return errors;
}

export function toImportRequest(f: ImportForm): ImportRequest {
  const normal = f.normalSource.trim();
  return {
    shotName: f.shotName.trim(),
    rgbSource: f.rgbSource.trim(),
    normalSource: normal || null,
    fps: f.fps.trim() ? Number(f.fps) : null,
    normalConvention: f.normalConvention,
    truthTake: f.truthTake,
    ...(f.namePattern.trim() ? { namePattern: f.namePattern.trim() } : {}),
  };
}
