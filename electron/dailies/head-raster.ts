// The head for the dailies, drawn offscreen in Node: the shot's rig evaluated per frame
// (rig/evaluate.ts, the preview's blend), seen by the shot view's camera (common/mesh/framing: the
// capture camera's framing, mapped onto the plate's rectangle), rasterised with a depth buffer and
// shaded with a key and fill light over the rig's own colours. Plain typed arrays, no GPU, so the
// CLI renders dailies on a render node as the app does.
import { focalPixels, framingDistance, type Framing, type Vec3 } from '../common/mesh/framing';
import { rigFraming } from '../rig/landmarks';
import { evaluateRig, type RigEvaluation } from '../rig/evaluate';
import type { Rig } from '../rig/types';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HeadRasterizer {
  readonly framing: Framing;
  /** Draws the head for `weights` (rig control order) into `rgb` (W×H×3, row 0 at the top) inside `rect`, the plate's rectangle. */
  draw(weights: Float32Array, rgb: Uint8Array, width: number, height: number, rect: Rect, clip: Rect): void;
}

export { rigFraming };

const LIGHT_KEY: Vec3 = normalise([-0.45, 0.55, 0.7]);
const LIGHT_FILL: Vec3 = normalise([0.6, 0.1, 0.8]);

function normalise(v: readonly number[]): Vec3 {
  const l = Math.hypot(v[0]!, v[1]!, v[2]!) || 1;
  return [v[0]! / l, v[1]! / l, v[2]! / l];
}

/** Linear 0..1 → sRGB byte, through a table (4096 steps: finer than a byte anywhere on the curve). */
const SRGB_LUT = Uint8Array.from({ length: 4097 }, (_, i) => {
  const c = i / 4096;
  return Math.round((c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055) * 255);
});
const toSrgb = (c: number): number => SRGB_LUT[c <= 0 ? 0 : c >= 1 ? 4096 : (c * 4096) | 0]!;

export function createHeadRasterizer(rig: Rig): HeadRasterizer {
  const framing = rigFraming(rig);
  let evaluation: RigEvaluation | undefined;
  let depth = new Float32Array(0);
  let sx = new Float32Array(0);
  let sy = new Float32Array(0);
  let sz = new Float32Array(0);
  let shade = new Uint8Array(0);
  const maxVerts = Math.max(...rig.parts.map((p) => p.vertexCount));
  sx = new Float32Array(maxVerts);
  sy = new Float32Array(maxVerts);
  sz = new Float32Array(maxVerts);
  shade = new Uint8Array(maxVerts * 3);

  return {
    framing,
    draw(weights, rgb, width, height, rect, clip) {
      evaluation = evaluateRig(rig, weights, evaluation, { normals: true });
      if (depth.length < width * height) depth = new Float32Array(width * height);
      depth.fill(Infinity);
      const aspect = rect.width / Math.max(1, rect.height);
      const f = focalPixels(rect.width);
      const dist = framingDistance(framing, aspect);
      const [tx, ty, tz] = framing.target;
      const cx = rect.x + rect.width / 2;
      const cy = rect.y + rect.height / 2;
      const x0c = Math.max(0, Math.floor(clip.x));
      const y0c = Math.max(0, Math.floor(clip.y));
      const x1c = Math.min(width, Math.ceil(clip.x + clip.width));
      const y1c = Math.min(height, Math.ceil(clip.y + clip.height));
      rig.parts.forEach((part, k) => {
        const pos = evaluation!.positions[k]!;
        const nrm = evaluation!.normals![k]!;
        for (let v = 0; v < part.vertexCount; v++) {
          const X = pos[v * 3]! - tx;
          const Y = pos[v * 3 + 1]! - ty;
          const Z = dist - (pos[v * 3 + 2]! - tz);
          sz[v] = Z;
          sx[v] = cx + (f * X) / Z;
          sy[v] = cy - (f * Y) / Z;
          // Lambert key + fill + ambient over the rig's linear albedo, then sRGB.
          const nx = nrm[v * 3]!,
            ny = nrm[v * 3 + 1]!,
            nz = nrm[v * 3 + 2]!;
          const lit =
            0.22 +
            0.85 * Math.max(0, nx * LIGHT_KEY[0] + ny * LIGHT_KEY[1] + nz * LIGHT_KEY[2]) +
            0.3 * Math.max(0, nx * LIGHT_FILL[0] + ny * LIGHT_FILL[1] + nz * LIGHT_FILL[2]);
          for (let c = 0; c < 3; c++) shade[v * 3 + c] = toSrgb(part.colors[v * 3 + c]! * lit);
        }
        const idx = part.indices;
        for (let t = 0; t < idx.length; t += 3) {
          const a = idx[t]!,
            b = idx[t + 1]!,
            c = idx[t + 2]!;
          const ax = sx[a]!,
            ay = sy[a]!,
            bx = sx[b]!,
            by = sy[b]!,
            qx = sx[c]!,
            qy = sy[c]!;
          const area = (bx - ax) * (qy - ay) - (by - ay) * (qx - ax);
          // Screen y points down: a triangle facing the camera (counter-clockwise in the rig) has a negative area here.
          if (area >= 0 || sz[a]! <= 0 || sz[b]! <= 0 || sz[c]! <= 0) continue;
          const minX = Math.max(x0c, Math.floor(Math.min(ax, bx, qx)));
          const maxX = Math.min(x1c - 1, Math.ceil(Math.max(ax, bx, qx)));
          const minY = Math.max(y0c, Math.floor(Math.min(ay, by, qy)));
          const maxY = Math.min(y1c - 1, Math.ceil(Math.max(ay, by, qy)));
          if (minX > maxX || minY > maxY) continue;
          const inv = 1 / area;
          // Edge functions, stepped along x: w0 for the edge b→c, w1 for c→a.
          const d0x = -(qy - by) * inv;
          const d1x = -(ay - qy) * inv;
          const za = sz[a]!,
            zb = sz[b]!,
            zc = sz[c]!;
          const ra = shade[a * 3]!,
            ga = shade[a * 3 + 1]!,
            ba = shade[a * 3 + 2]!;
          const rb = shade[b * 3]!,
            gb = shade[b * 3 + 1]!,
            bb = shade[b * 3 + 2]!;
          const rc = shade[c * 3]!,
            gc = shade[c * 3 + 1]!,
            bc = shade[c * 3 + 2]!;
          for (let py = minY; py <= maxY; py++) {
            const fy = py + 0.5;
            const fx0 = minX + 0.5;
            let w0 = ((bx - fx0) * (qy - fy) - (by - fy) * (qx - fx0)) * inv;
            let w1 = ((qx - fx0) * (ay - fy) - (qy - fy) * (ax - fx0)) * inv;
            let o = py * width + minX;
            for (let px = minX; px <= maxX; px++, o++, w0 += d0x, w1 += d1x) {
              const w2 = 1 - w0 - w1;
              if (w0 < 0 || w1 < 0 || w2 < 0) continue;
              const z = w0 * za + w1 * zb + w2 * zc;
              if (z >= depth[o]!) continue;
              depth[o] = z;
              const q = o * 3;
              rgb[q] = w0 * ra + w1 * rb + w2 * rc;
              rgb[q + 1] = w0 * ga + w1 * gb + w2 * gc;
              rgb[q + 2] = w0 * ba + w1 * bb + w2 * bc;
            }
          }
        }
      });
    },
  };
}
