// Correctives of a RigSolve GLB: listed in extras.rigsolve.correctives (see write-glb.ts), their
// deltas in accessors referenced by index. Rigs from elsewhere have none.
import type { Document } from '@gltf-transform/core';
import type { Instance } from './load';
import type { RigCorrective, RigPart } from './types';

interface CorrectiveEntry {
  name?: unknown;
  a?: unknown;
  b?: unknown;
  targets?: { mesh?: unknown; primitive?: unknown; accessor?: unknown; accessorName?: unknown }[];
}

export function readCorrectives(doc: Document, placed: readonly Instance[], parts: RigPart[], controlIndex: ReadonlyMap<string, number>): RigPart[] {
  const extras = (doc.getRoot().getExtras() as { rigsolve?: { correctives?: unknown } }).rigsolve;
  const list = Array.isArray(extras?.correctives) ? (extras.correctives as CorrectiveEntry[]) : [];
  if (list.length === 0) return parts;
  const accessors = doc.getRoot().listAccessors();
  const added: RigCorrective[][] = parts.map(() => []);
  for (const c of list) {
    const a = typeof c.a === 'string' ? controlIndex.get(c.a) : undefined;
    const b = typeof c.b === 'string' ? controlIndex.get(c.b) : undefined;
    if (a === undefined || b === undefined || typeof c.name !== 'string') continue;
    for (const t of c.targets ?? []) {
      let acc = typeof t.accessor === 'number' ? accessors[t.accessor] : undefined;
      // Prefer the name when the index no longer points at it (a tool re-laid the file out).
      if (typeof t.accessorName === 'string' && acc?.getName() !== t.accessorName) acc = accessors.find((x) => x.getName() === t.accessorName);
      if (!acc) continue;
      placed.forEach((p, k) => {
        if (p.meshIndex !== t.mesh || p.primIndex !== (t.primitive ?? 0)) return;
        const part = parts[k]!;
        if (acc.getCount() !== part.vertexCount) return;
        const delta = new Float32Array(part.vertexCount * 3);
        const el: number[] = [];
        const m = p.matrix;
        for (let v = 0; v < part.vertexCount; v++) {
          acc.getElement(v, el);
          const x = el[0] ?? 0,
            y = el[1] ?? 0,
            z = el[2] ?? 0;
          delta[v * 3] = m[0]! * x + m[4]! * y + m[8]! * z;
          delta[v * 3 + 1] = m[1]! * x + m[5]! * y + m[9]! * z;
          delta[v * 3 + 2] = m[2]! * x + m[6]! * y + m[10]! * z;
        }
        added[k]!.push({ name: c.name as string, a, b, delta });
      });
    }
  }
  return parts.map((p, k) => (added[k]!.length ? { ...p, correctives: [...p.correctives, ...added[k]!] } : p));
}
