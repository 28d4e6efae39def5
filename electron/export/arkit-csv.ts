// ARKit-52 curves in the layout of Live Link Face recordings (Timecode, BlendShapeCount, the 52
// shapes with capitalised names, then head and eye rotations), for engines that take ARKit curves.
// A shape that corresponds to several of our controls (browInnerUp ← browInnerUp_L and _R) gets
// their mean. HeadYaw, HeadPitch and HeadRoll carry the head channels (common/head.ts) when the
// table has them, in radians as Live Link Face records its rotations (its eye rotations are
// radians: ~0.17 for a look down), with RigSolve's signs (yaw + toward the actor's left, pitch +
// looking down, roll + toward the actor's right), not checked against a recording with head
// motion; the eye rotations are not solved and are written as 0, as is the head without head motion.
import { DEG_TO_RAD } from '../common/head';
import { ARKIT_TO_CONTROLS, type ArkitBlendshape } from '../rig/arkit-aliases';
import { formatValue, frameCount, splitHead, type CurvesTable } from './curves-table';

/** Live Link Face's column order. */
export const LIVE_LINK_SHAPES: readonly ArkitBlendshape[] = [
  'eyeBlinkLeft',
  'eyeLookDownLeft',
  'eyeLookInLeft',
  'eyeLookOutLeft',
  'eyeLookUpLeft',
  'eyeSquintLeft',
  'eyeWideLeft',
  'eyeBlinkRight',
  'eyeLookDownRight',
  'eyeLookInRight',
  'eyeLookOutRight',
  'eyeLookUpRight',
  'eyeSquintRight',
  'eyeWideRight',
  'jawForward',
  'jawRight',
  'jawLeft',
  'jawOpen',
  'mouthClose',
  'mouthFunnel',
  'mouthPucker',
  'mouthRight',
  'mouthLeft',
  'mouthSmileLeft',
  'mouthSmileRight',
  'mouthFrownLeft',
  'mouthFrownRight',
  'mouthDimpleLeft',
  'mouthDimpleRight',
  'mouthStretchLeft',
  'mouthStretchRight',
  'mouthRollLower',
  'mouthRollUpper',
  'mouthShrugLower',
  'mouthShrugUpper',
  'mouthPressLeft',
  'mouthPressRight',
  'mouthLowerDownLeft',
  'mouthLowerDownRight',
  'mouthUpperUpLeft',
  'mouthUpperUpRight',
  'browDownLeft',
  'browDownRight',
  'browInnerUp',
  'browOuterUpLeft',
  'browOuterUpRight',
  'cheekPuff',
  'cheekSquintLeft',
  'cheekSquintRight',
  'noseSneerLeft',
  'noseSneerRight',
  'tongueOut',
];
export const LIVE_LINK_ROTATIONS = [
  'HeadYaw',
  'HeadPitch',
  'HeadRoll',
  'LeftEyeYaw',
  'LeftEyePitch',
  'LeftEyeRoll',
  'RightEyeYaw',
  'RightEyePitch',
  'RightEyeRoll',
] as const;

const capitalise = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

/** SMPTE-style timecode HH:MM:SS:FF.mmm of a frame number, counting from frame 0. */
export function liveLinkTimecode(frame: number, fps: number): string {
  const whole = Math.max(1, Math.round(fps));
  const totalSeconds = Math.floor(frame / fps);
  const ff = Math.min(whole - 1, Math.floor(frame - totalSeconds * fps));
  const ms = Math.round(((frame / fps) % 1) * 1000) % 1000;
  const hh = Math.floor(totalSeconds / 3600);
  const mm = Math.floor((totalSeconds % 3600) / 60);
  const ss = totalSeconds % 60;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(hh)}:${p(mm)}:${p(ss)}:${p(ff)}.${p(ms, 3)}`;
}

export function toArkitCsv(table: CurvesTable): { text: string; missingShapes: string[] } {
  const { face: t, head } = splitHead(table);
  const index = new Map(t.controls.map((c, i) => [c, i]));
  const sources = LIVE_LINK_SHAPES.map((shape) => ARKIT_TO_CONTROLS[shape].map((c) => index.get(c)).filter((i): i is number => i !== undefined));
  const missingShapes = LIVE_LINK_SHAPES.filter((_, k) => sources[k]!.length === 0);
  const header = ['Timecode', 'BlendShapeCount', ...LIVE_LINK_SHAPES.map(capitalise), ...LIVE_LINK_ROTATIONS];
  const lines = [header.join(',')];
  const count = LIVE_LINK_SHAPES.length + LIVE_LINK_ROTATIONS.length;
  const n = frameCount(t);
  for (let i = 0; i < n; i++) {
    const row = [liveLinkTimecode((t.firstTimecode ?? t.firstFrame) + i, t.fps), String(count)];
    for (const src of sources) {
      let s = 0;
      for (const c of src) s += t.values[c]![i]!;
      row.push(formatValue(src.length ? s / src.length : 0));
    }
    const headRow = head ? [head.headYaw[i]!, head.headPitch[i]!, head.headRoll[i]!].map((deg) => formatValue(deg * DEG_TO_RAD)) : ['0', '0', '0'];
    row.push(...headRow);
    for (let r = headRow.length; r < LIVE_LINK_ROTATIONS.length; r++) row.push('0');
    lines.push(row.join(','));
  }
  return { text: `${lines.join('\n')}\n`, missingShapes };
}
