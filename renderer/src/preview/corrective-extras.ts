// The rig's corrective shapes as the GLB lists them (electron/rig/write-glb.ts):
//   extras.rigsolve = { version, name, correctives: [{ name, a, b,
//                       targets: [{ mesh, primitive, accessor, accessorName }] }] }
// They are not morph targets in the file (other readers would take them for controls), so the
// preview adds each one to its mesh as an extra target at load. Read defensively: a rig from
// elsewhere has none, and a malformed entry is skipped rather than failing the preview.

export interface CorrectiveRef {
  readonly mesh: number;
  readonly primitive: number;
  /** Accessor index, already checked against accessorName when both are given. */
  readonly accessor: number;
}

export interface CorrectiveDef {
  readonly name: string;
  readonly a: string;
  readonly b: string;
  readonly targets: readonly CorrectiveRef[];
}

interface GltfJsonLike {
  accessors?: unknown;
  extras?: unknown;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isIndex = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/** Correctives listed in a glTF JSON's root extras, with their accessors resolved. */
export function readCorrectiveDefs(json: unknown): CorrectiveDef[] {
  if (!isRecord(json)) return [];
  const g = json as GltfJsonLike;
  const rigsolve = isRecord(g.extras) ? g.extras['rigsolve'] : undefined;
  const list = isRecord(rigsolve) && Array.isArray(rigsolve['correctives']) ? (rigsolve['correctives'] as unknown[]) : [];
  const accessorNames = Array.isArray(g.accessors) ? g.accessors.map((a) => (isRecord(a) && typeof a['name'] === 'string' ? a['name'] : null)) : [];
  const out: CorrectiveDef[] = [];
  for (const c of list) {
    if (!isRecord(c) || typeof c['name'] !== 'string' || typeof c['a'] !== 'string' || typeof c['b'] !== 'string') continue;
    const targets: CorrectiveRef[] = [];
    for (const t of Array.isArray(c['targets']) ? (c['targets'] as unknown[]) : []) {
      if (!isRecord(t) || !isIndex(t['mesh'])) continue;
      const accessor = resolveAccessor(accessorNames, t['accessor'], t['accessorName']);
      if (accessor === null) continue;
      targets.push({ mesh: t['mesh'], primitive: isIndex(t['primitive']) ? t['primitive'] : 0, accessor });
    }
    if (targets.length > 0) out.push({ name: c['name'], a: c['a'], b: c['b'], targets });
  }
  return out;
}

/** The index, unless a tool re-laid the file out and the name now lives elsewhere (as electron/rig/load-correctives.ts reads it). */
export function resolveAccessor(names: readonly (string | null)[], index: unknown, name: unknown): number | null {
  const byIndex = isIndex(index) && index < names.length ? index : null;
  if (typeof name !== 'string') return byIndex;
  if (byIndex !== null && names[byIndex] === name) return byIndex;
  const found = names.indexOf(name);
  return found >= 0 ? found : null;
}
