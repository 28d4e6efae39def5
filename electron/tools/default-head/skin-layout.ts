// Where the rows and columns of the head grid go: dense (~1.2 mm) over the eyes, nose and mouth,
// coarse over the crown, neck and back of the head. The eye and mouth slits need rows exactly at
// the eye line and the lip line, and columns exactly at the canthi and mouth corners.
import { T_MAX, T_MIN, castBase } from './base-shape';
import { EYE, MOUTH } from './landmarks';

export interface SkinLayout {
  /** Front patch rows (t, ascending, poles excluded). */
  readonly frontRows: readonly number[];
  /** Front patch columns on the canonical half: θ from 0 (midline) up to the patch edge. */
  readonly frontCols: readonly number[];
  /** Back patch rows and columns (coarser; columns end at θ = π, the back midline). */
  readonly backRows: readonly number[];
  readonly backCols: readonly number[];
  readonly eyeRow: number;
  readonly mouthRow: number;
  /** Column indices (into frontCols) of the inner and outer canthus, and of the mouth corner. */
  readonly eyeInnerCol: number;
  readonly eyeOuterCol: number;
  readonly mouthCornerCol: number;
}

/** Values from a to b (inclusive of both) at about `step` spacing. */
function span(a: number, b: number, step: number): number[] {
  const n = Math.max(1, Math.ceil((b - a) / step - 1e-9));
  return Array.from({ length: n + 1 }, (_, i) => (i === n ? b : a + ((b - a) * i) / n));
}

/** Concatenate spans through the given knots [value, step-to-next] (knots are kept exactly). */
function knotted(knots: readonly (readonly [number, number])[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < knots.length; i++) {
    const seg = span(knots[i]![0], knots[i + 1]![0], knots[i]![1]);
    out.push(...(i === 0 ? seg : seg.slice(1)));
  }
  return out;
}

/** θ at which the base surface, on row t, reaches x. */
function thetaForX(t: number, x: number): number {
  let lo = 0,
    hi = Math.PI / 2;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (castBase(t, mid)[0] < x) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function computeSkinLayout(): SkinLayout {
  const eyeRow = EYE.centre[1];
  const mouthRow = MOUTH.y;
  const frontRows = knotted([
    [T_MIN + 0.011, 0.0075],
    [-0.16, 0.0036],
    [-0.126, 0.0023],
    [-0.094, 0.00125],
    [mouthRow, 0.00125],
    [-0.038, 0.0014],
    [-0.02, 0.0012],
    [eyeRow, 0.0012],
    [0.02, 0.0016],
    [0.036, 0.0028],
    [0.05, 0.0038],
    [0.085, 0.0075],
    [T_MAX - 0.008, 0],
  ]);
  const backRows = knotted([
    [T_MIN + 0.011, 0.009],
    [-0.12, 0.0065],
    [0.04, 0.008],
    [T_MAX - 0.008, 0],
  ]);

  const eyeInner = thetaForX(eyeRow, EYE.centre[0] + EYE.innerDx);
  const eyeOuter = thetaForX(eyeRow, EYE.centre[0] + EYE.outerDx);
  const mouthCorner = thetaForX(mouthRow, MOUTH.cornerX);
  const edge = 0.92;
  // Angular steps: ~1.2 mm at the ~0.08 m radius of the face.
  const fine = 0.00125 / 0.08;
  const keys = [0, mouthCorner, eyeInner, eyeOuter, 0.7, edge].sort((a, b) => a - b);
  const knots: [number, number][] = keys.map((k) => [k, k < 0.7 ? fine : 0.034]);
  const frontCols = knotted(knots);
  const backCols = span(edge + 0.1, Math.PI, 0.115);

  const idx = (v: number): number => frontCols.indexOf(v);
  return {
    frontRows,
    frontCols,
    backRows,
    backCols,
    eyeRow,
    mouthRow,
    eyeInnerCol: idx(eyeInner),
    eyeOuterCol: idx(eyeOuter),
    mouthCornerCol: idx(mouthCorner),
  };
}
