// Albedo and material of an imported primitive: COLOR_0 × baseColorFactor (glTF's rule), and a
// RigSolve material guessed from the glTF material's (or mesh's) name.
import type { Primitive } from '@gltf-transform/core';
import type { RigMaterial } from './types';

// First match wins: "EyeBrow" and "Eyelid" must not become eyeballs.
const KEYWORDS: readonly [RegExp, RigMaterial][] = [
  [/brow|lash|hair/i, 'brow'],
  [/lid/i, 'skin'],
  [/pupil/i, 'pupil'],
  [/iris/i, 'iris'],
  [/sclera|eye|cornea/i, 'sclera'],
  [/teeth|tooth|dental/i, 'teeth'],
  [/tongue/i, 'tongue'],
  [/mouth|oral|gum|cavity/i, 'mouthInterior'],
  [/lip/i, 'lip'],
];

export function materialOfName(name: string): RigMaterial {
  for (const [re, m] of KEYWORDS) if (re.test(name)) return m;
  return 'skin';
}

export function primitiveColors(prim: Primitive, count: number): Float32Array {
  const factor = prim.getMaterial()?.getBaseColorFactor() ?? [0.8, 0.8, 0.8, 1];
  const out = new Float32Array(count * 3);
  const attr = prim.getAttribute('COLOR_0');
  const el: number[] = [];
  for (let v = 0; v < count; v++) {
    if (attr) attr.getElement(v, el);
    for (let k = 0; k < 3; k++) out[v * 3 + k] = (attr ? (el[k] ?? 1) : 1) * factor[k]!;
  }
  return out;
}
