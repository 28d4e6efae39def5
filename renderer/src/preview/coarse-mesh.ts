// A coarser triangle list over a mesh's own vertices, for frames drawn below the display's
// resolution (the preview while playing or scrubbing on a slow machine: render-scale.ts). The
// default head's skin has ~40k triangles: at half resolution that is several per pixel, and
// without a GPU the triangle count, not the pixel count, is most of the frame (SwiftShader, half
// scale: ~20 ms whole, ~8 ms with a quarter of the triangles, measured). The simplifier
// (meshoptimizer) only drops vertices from the index, so the CPU blend, the normals (computed
// over the full mesh) and picking are unchanged. Its error bound is the neutral surface's and
// the shapes that move the mesh most, so a collapse that would bend a lip line or an eyelid
// under animation is refused; the vertices of every open edge (the lip and lid slits, whose two
// sides coincide at rest and part when the jaw opens) stay, so the slits open as drawn.
import { MeshoptSimplifier } from 'meshoptimizer/simplifier';
import type { MeshBlend } from './cpu-blend';

/** Meshes under this many triangles are always drawn whole. */
const MIN_TRIANGLES = 4000;
/** Aim for a quarter of the triangles… */
const TARGET_SHARE = 0.25;
/** …within this error, relative to the mesh's extent (about a third of a pixel at half scale). */
const MAX_ERROR = 0.002;
/** Shapes whose deltas bound the error (up to 32 attribute floats: 3 per shape). */
const SHAPES = 8;
/** Not worth a second index unless it saves this share of the triangles. */
const MIN_SAVING = 0.3;

/** The coarse triangle list, or null when the mesh is small or does not simplify well. */
export async function coarseIndices(blend: MeshBlend): Promise<Uint32Array | null> {
  const triangles = blend.indices.length / 3;
  if (triangles < MIN_TRIANGLES) return null;
  try {
    await MeshoptSimplifier.ready;
  } catch {
    return null; // no WebAssembly here: every frame is drawn whole
  }
  const indices = Uint32Array.from(blend.indices);
  const count = blend.neutral.length / 3;
  const shapes = movingShapes(blend, SHAPES);
  const stride = shapes.length * 3;
  const attributes = new Float32Array(count * stride);
  shapes.forEach((delta, s) => {
    for (let v = 0; v < count; v++) for (let k = 0; k < 3; k++) attributes[v * stride + s * 3 + k] = delta[v * 3 + k]!;
  });
  // Positions are measured relative to the mesh's extent; deltas in metres: weigh them alike.
  const weight = 1 / MeshoptSimplifier.getScale(blend.neutral, 3);
  const target = Math.floor(triangles * TARGET_SHARE) * 3;
  const [out] = MeshoptSimplifier.simplifyWithAttributes(
    indices,
    blend.neutral,
    3,
    attributes,
    stride,
    new Array<number>(stride).fill(weight),
    openEdgeVertices(indices, count),
    target,
    MAX_ERROR,
    ['LockBorder'],
  );
  return out.length <= indices.length * (1 - MIN_SAVING) ? out : null;
}

/**
 * 1 for every vertex on an edge used by one triangle only. By index, not position: the simplifier
 * welds coincident vertices into seams, which would let it thin out a closed slit's edges.
 */
export function openEdgeVertices(indices: ArrayLike<number>, vertexCount: number): Uint8Array {
  const uses = new Map<number, number>();
  const key = (a: number, b: number) => (a < b ? a * vertexCount + b : b * vertexCount + a);
  for (let t = 0; t + 2 < indices.length; t += 3) {
    for (let e = 0; e < 3; e++) {
      const k = key(indices[t + e]!, indices[t + ((e + 1) % 3)]!);
      uses.set(k, (uses.get(k) ?? 0) + 1);
    }
  }
  const lock = new Uint8Array(vertexCount);
  for (const [k, n] of uses) {
    if (n !== 1) continue;
    lock[Math.floor(k / vertexCount)] = 1;
    lock[k % vertexCount] = 1;
  }
  return lock;
}

/** The deltas of the `n` shapes that move the mesh most (summed displacement). */
function movingShapes(blend: MeshBlend, n: number): Float32Array[] {
  const scored = blend.shapes.flatMap((s) => {
    if (!s) return [];
    let sum = 0;
    for (const x of s.delta) sum += Math.abs(x);
    return [{ delta: s.delta, sum }];
  });
  return scored
    .sort((a, b) => b.sum - a.sum)
    .slice(0, n)
    .map((s) => s.delta);
}

const perRig = new WeakMap<object, Promise<(Uint32Array | null)[]>>();

/**
 * Coarse triangle lists for every mesh of a rig (same order as its meshes), computed once per
 * loaded rig. A few hundred ms for the default head: callers start it once the head is on screen.
 */
export function coarseForRig(rig: { readonly meshes: readonly { readonly blend: MeshBlend }[] }): Promise<(Uint32Array | null)[]> {
  let p = perRig.get(rig);
  if (!p) {
    p = (async () => {
      const out: (Uint32Array | null)[] = [];
      for (const m of rig.meshes) out.push(await coarseIndices(m.blend));
      return out;
    })();
    perRig.set(rig, p);
  }
  return p;
}
