// The export formats, in one place: the API contract's enum, the CLI's --format, the host's
// writers (electron/export/export-shot.ts keys one writer per name, so a format listed here
// without a writer fails type-checking) and the export dialogs all read this list.

/** Format names in the order the CLI and the contract list them. */
export const EXPORT_FORMAT_NAMES = ['csv', 'json', 'anim', 'arkit', 'glb'] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

export interface ExportFormatInfo {
  format: ExportFormatName;
  /** As the dialog names it. */
  label: string;
  /** File extension, without the leading dot. */
  ext: string;
  /** Which export options the format reads. */
  options: {
    /** Keys are reduced within the tolerance (the others keep a value on every frame). */
    tolerance: boolean;
    /** The node the curves go on (Maya). */
    nodeName: boolean;
    /** Frame numbers are written, so a start frame renumbers them. */
    startFrame: boolean;
    /** A timecode is written per frame, so a timecode offset moves it. */
    timecode: boolean;
    /** The head's motion goes on a named node (Maya transform, glTF node); the others write it as columns. */
    headNode: boolean;
  };
  /** One line for the dialog's tooltip. */
  hint: string;
}

export const EXPORT_FORMATS: Readonly<Record<ExportFormatName, ExportFormatInfo>> = {
  csv: {
    format: 'csv',
    label: 'CSV',
    ext: 'csv',
    options: { tolerance: false, nodeName: false, startFrame: true, timecode: false, headNode: false },
    hint: 'One row per frame, one column per control: Blender, Unreal, spreadsheets',
  },
  json: {
    format: 'json',
    label: 'JSON',
    ext: 'json',
    options: { tolerance: false, nodeName: false, startFrame: true, timecode: false, headNode: false },
    hint: 'Per-control arrays with the frame range and take: pipeline scripts',
  },
  anim: {
    format: 'anim',
    label: 'Maya .anim',
    ext: 'anim',
    options: { tolerance: true, nodeName: true, startFrame: true, timecode: false, headNode: true },
    hint: 'Keyed curves on a blendShape node’s weights, reduced within the tolerance',
  },
  arkit: {
    format: 'arkit',
    label: 'ARKit CSV',
    ext: 'arkit.csv',
    options: { tolerance: false, nodeName: false, startFrame: false, timecode: true, headNode: false },
    hint: 'The 52 ARKit blendshapes in the Live Link Face layout (through the rig’s alias table)',
  },
  glb: {
    format: 'glb',
    label: 'glTF (.glb)',
    ext: 'glb',
    options: { tolerance: true, nodeName: false, startFrame: true, timecode: false, headNode: true },
    hint: 'The shot’s rig with its morph-weight animation, keys reduced within the tolerance: Unreal, Blender, three.js',
  },
};

/** Key reduction tolerance when none is given (control values are 0–1). */
export const DEFAULT_TOLERANCE = 0.002;

export function isExportFormat(name: string): name is ExportFormatName {
  return (EXPORT_FORMAT_NAMES as readonly string[]).includes(name);
}

/** A shot's file name in a batch export: safe characters, the format's extension. */
export function exportFileName(shotName: string, format: ExportFormatName): string {
  return `${shotName.replace(/[^A-Za-z0-9._-]+/g, '_') || 'shot'}.${EXPORT_FORMATS[format].ext}`;
}
