// The export formats the dialog offers. ARKit CSV and glTF are announced (the contract names
// them) but not written by the host yet; they are listed, disabled, so users know they are coming.
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
  { format: 'arkit', label: 'ARKit CSV', ext: 'csv', available: false, keyed: false, hint: 'The 52 ARKit blendshapes, for Live Link Face pipelines (coming)' },
  { format: 'glb', label: 'glTF (.glb)', ext: 'glb', available: false, keyed: true, hint: 'The head with its morph-target animation (coming)' },
];

export function formatInfo(format: ExportFormat): FormatInfo {
  return FORMATS.find((f) => f.format === format) ?? FORMATS[0]!;
}
