// Maya's ASCII .anim (animVersion 1.1, the animImportExport plug-in's format): one animCurve per
// control on a blendShape node's weight attribute, keys reduced within a tolerance with linear
// tangents (so the curve Maya draws between keys is the one the reduction measured).
import { reduceCurve } from '../common/curves/reduce';
import { formatValue, frameCount, type CurvesTable } from './curves-table';

/** Maya's time-unit names for common rates; other rates use Maya's "<n>fps" form. */
export function mayaTimeUnit(fps: number): string {
  const named: Record<string, string> = { '15': 'game', '24': 'film', '25': 'pal', '30': 'ntsc', '48': 'show', '50': 'palf', '60': 'ntscf' };
  const key = String(Math.round(fps * 1000) / 1000);
  if (named[key]) return named[key];
  if (Math.abs(fps - 23.976) < 0.001) return '23.976fps';
  if (Math.abs(fps - 29.97) < 0.001) return '29.97fps';
  if (Math.abs(fps - 59.94) < 0.001) return '59.94fps';
  return `${key}fps`;
}

export interface AnimExportOptions {
  /** Node the curves go on, e.g. the blendShape deformer of the character's face. */
  nodeName: string;
  /** Value tolerance for key reduction; 0 keeps a key on every frame. */
  tolerance: number;
}

export interface AnimExportResult {
  text: string;
  keysBefore: number;
  keysAfter: number;
  maxError: number;
}

export function toMayaAnim(t: CurvesTable, opts: AnimExportOptions): AnimExportResult {
  const n = frameCount(t);
  const last = t.firstFrame + n - 1;
  const lines = [
    'animVersion 1.1;',
    'mayaVersion 2024;',
    `timeUnit ${mayaTimeUnit(t.fps)};`,
    'linearUnit cm;',
    'angularUnit deg;',
    `startTime ${t.firstFrame};`,
    `endTime ${last};`,
  ];
  let keysAfter = 0;
  let maxError = 0;
  t.controls.forEach((control, c) => {
    const values = t.values[c]!;
    const reduced = opts.tolerance > 0 ? reduceCurve(values, opts.tolerance) : { indices: Array.from({ length: n }, (_, i) => i), maxError: 0 };
    keysAfter += reduced.indices.length;
    maxError = Math.max(maxError, reduced.maxError);
    // anim <attribute path> <attribute name> <node> <row> <children> <index>;
    lines.push(`anim weight.${control} ${control} ${opts.nodeName} 0 0 ${c};`);
    lines.push('animData {', '  input time;', '  output unitless;', '  weighted 0;', '  preInfinity constant;', '  postInfinity constant;', '  keys {');
    for (const i of reduced.indices) lines.push(`    ${t.firstFrame + i} ${formatValue(values[i]!)} linear linear 1 1 0;`);
    lines.push('  }', '}');
  });
  return { text: `${lines.join('\n')}\n`, keysBefore: n * t.controls.length, keysAfter, maxError };
}
