// The export formats the dialog offers, as the host writes them. `available: false` lists a format
// the contract names before the host writes it (disabled, tagged "coming"), so users know.
import type { ExportFormat } from '../../../electron/common/api/schemas';

export interface FormatInfo {
  format: ExportFormat;
  label: string;
  ext: string;
  /** Written by the host today. */
  available: boolean;
  /** Keys are reduced within the tolerance (the others keep a value on every frame). */
  keyed: boolean;
  hint: string;
}

export const FORMATS: readonly FormatInfo[] = [
  { format: 'anim', label: 'Maya .anim', ext: 'anim', available: true, keyed: true, hint: 'Keyed curves on a blendShape node’s weights, reduced within the tolerance' },
  { format: 'csv', label: 'CSV', ext: 'csv', available: true, keyed: false, hint: 'One row per frame, one column per control: Blender, Unreal, spreadsheets' },
  { format: 'json', label: 'JSON', ext: 'json', available: true, keyed: false, hint: 'Per-control arrays with the frame range and take: pipeline scripts' },
  { format: 'arkit', label: 'ARKit CSV', ext: 'arkit.csv', available: true, keyed: false, hint: 'The 52 ARKit blendshapes in the Live Link Face layout (through the rig’s alias table)' },
  { format: 'glb', label: 'glTF (.glb)', ext: 'glb', available: true, keyed: true, hint: 'The head rig with its morph-weight animation, keys reduced within the tolerance: Unreal, Blender, three.js' },
];

export function formatInfo(format: ExportFormat): FormatInfo {
  return FORMATS.find((f) => f.format === format) ?? FORMATS[0]!;
}
