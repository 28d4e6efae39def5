// Maya's ASCII .anim (animVersion 1.1, the animImportExport plug-in's format): one animCurve per
// control on a blendShape node's weight attribute. The final curve (filtered solve plus the
// animator's keys, whatever their tangents) is written as keys with tangents: reduced within a
// tolerance on Hermite segments (reduceHermite), each key's in and out tangent written as Maya
// stores a hand-shaped one ('fixed', an angle and a weight; 'flat' where the curve holds), so the
// curve Maya draws between keys, Hermite per segment, is the one the reduction measured.
// The head's motion (common/head.ts), when the table has it, goes on a transform (default `head`,
// its rotate pivot at the top of the neck): translateX/Y/Z in centimetres (the file's linearUnit)
// and rotateX/Y/Z in degrees for Maya's default rotate order (xyz), converted from yaw·pitch·roll.
import { channelScale, headEulerXYZ } from '../common/head';
import { reduceHermite } from '../common/curves/reduce';
import { formatValue, frameCount, splitHead, type CurvesTable, type HeadTrack } from './curves-table';

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
  /** The transform the head's motion goes on (default `head`). */
  headNode?: string;
}

export interface AnimExportResult {
  text: string;
  keysBefore: number;
  keysAfter: number;
  maxError: number;
}

/**
 * A tangent as the .anim file writes it. Maya measures a tangent's angle with time in seconds
 * (MFnAnimCurve), so a slope of s per frame is atan(s · fps); in a non-weighted curve ('weighted
 * 0') the weight does not shape the curve, and 1 is written.
 */
export function animTangent(slopePerFrame: number, fps: number): { type: 'fixed' | 'flat'; angle: string; weight: string } {
  if (slopePerFrame === 0) return { type: 'flat', angle: '', weight: '' };
  const deg = (Math.atan(slopePerFrame * fps) * 180) / Math.PI;
  return { type: 'fixed', angle: deg.toFixed(8).replace(/\.?0+$/, ''), weight: '1' };
}

/** One key line: time value inType outType tanLocked weightLocked breakdown [inAngle inWeight] [outAngle outWeight]; */
function keyLine(frame: number, value: number, inSlope: number, outSlope: number, fps: number): string {
  const tin = animTangent(inSlope, fps);
  const tout = animTangent(outSlope, fps);
  const locked = inSlope === outSlope ? 1 : 0;
  const parts = [String(frame), formatValue(value), tin.type, tout.type, String(locked), '1', '0'];
  if (tin.type === 'fixed') parts.push(tin.angle, tin.weight);
  if (tout.type === 'fixed') parts.push(tout.angle, tout.weight);
  return `    ${parts.join(' ')};`;
}

/** One animCurve block: keys with tangents, reduced within `tolerance` (in the curve's own units). */
function curveBlock(
  lines: string[],
  header: string,
  output: 'unitless' | 'linear' | 'angular',
  values: Float32Array,
  tolerance: number,
  t: CurvesTable,
): { keys: number; maxError: number } {
  // Tolerance 0 keeps a key on every frame (two neighbouring frames are exact whatever the tangents).
  const reduced = reduceHermite(values, Math.max(0, tolerance));
  lines.push(header);
  lines.push('animData {', '  input time;', `  output ${output};`, '  weighted 0;', '  preInfinity constant;', '  postInfinity constant;', '  keys {');
  reduced.indices.forEach((i, k) => lines.push(keyLine(t.firstFrame + i, values[i]!, reduced.inSlopes[k]!, reduced.outSlopes[k]!, t.fps)));
  lines.push('  }', '}');
  return { keys: reduced.indices.length, maxError: reduced.maxError };
}

/** The head's curves as Maya's transform attributes: translate in cm, rotate (xyz order) in degrees, each frame near the last. */
export function headTransformCurves(head: HeadTrack): { attribute: string; output: 'linear' | 'angular'; values: Float32Array }[] {
  const n = head.headYaw.length;
  const rx = new Float32Array(n),
    ry = new Float32Array(n),
    rz = new Float32Array(n);
  let near: [number, number, number] | undefined;
  for (let i = 0; i < n; i++) {
    near = headEulerXYZ(head.headYaw[i]!, head.headPitch[i]!, head.headRoll[i]!, near);
    [rx[i], ry[i], rz[i]] = near;
  }
  const cm = (mm: Float32Array): Float32Array => mm.map((v) => v / 10);
  return [
    { attribute: 'translateX', output: 'linear', values: cm(head.headTx) },
    { attribute: 'translateY', output: 'linear', values: cm(head.headTy) },
    { attribute: 'translateZ', output: 'linear', values: cm(head.headTz) },
    { attribute: 'rotateX', output: 'angular', values: rx },
    { attribute: 'rotateY', output: 'angular', values: ry },
    { attribute: 'rotateZ', output: 'angular', values: rz },
  ];
}

export function toMayaAnim(table: CurvesTable, opts: AnimExportOptions): AnimExportResult {
  const { face: t, head } = splitHead(table);
  const n = frameCount(table);
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
    // anim <attribute path> <attribute name> <node> <row> <children> <index>;
    const r = curveBlock(lines, `anim weight.${control} ${control} ${opts.nodeName} 0 0 ${c};`, 'unitless', t.values[c]!, opts.tolerance, t);
    keysAfter += r.keys;
    maxError = Math.max(maxError, r.maxError);
  });
  let curves = t.controls.length;
  if (head) {
    const node = opts.headNode ?? 'head';
    // A head curve's tolerance is the controls' scaled to its span (common/head.ts: 10° or 10 mm per unit), in its own units (cm here).
    headTransformCurves(head).forEach(({ attribute, output, values }, k) => {
      const tol = opts.tolerance * channelScale('headYaw') * (output === 'linear' ? 0.1 : 1);
      const group = attribute.startsWith('translate') ? 'translate' : 'rotate';
      const r = curveBlock(lines, `anim ${group}.${attribute} ${attribute} ${node} 0 1 ${k};`, output, values, tol, t);
      keysAfter += r.keys;
    });
    curves += 6;
  }
  return { text: `${lines.join('\n')}\n`, keysBefore: n * curves, keysAfter, maxError };
}
