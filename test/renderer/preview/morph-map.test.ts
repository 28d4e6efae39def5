import { describe, expect, it } from 'vitest';
import { applyBinding, bindMesh, correctiveWeight } from '../../../renderer/src/preview/morph-map';

const controls = ['jawOpen', 'browDown_L', 'mouthPucker_L', 'notInRig'];

describe('bindMesh', () => {
  it('maps control names to each mesh’s own target indices once', () => {
    // Two meshes carrying the same names in different orders (as a DCC export may).
    const head = bindMesh(controls, { browDown_L: 0, jawOpen: 1, mouthPucker_L: 2 }, 3);
    const teeth = bindMesh(controls, { jawOpen: 0 }, 1);
    expect([...head.morphOf]).toEqual([1, 0, 2, -1]);
    expect([...teeth.morphOf]).toEqual([0, -1, -1, -1]);
  });

  it('ignores dictionary entries outside the target list and inherited names', () => {
    const b = bindMesh(['a', 'toString', 'constructor'], { a: 5 }, 2);
    expect([...b.morphOf]).toEqual([-1, -1, -1]);
  });

  it('resolves correctives to control indices, dropping ones whose controls are not published', () => {
    const b = bindMesh(controls, { jawOpen: 0, mouthPucker_L: 1 }, 4, [
      { name: 'jaw_x_pucker', a: 'jawOpen', b: 'mouthPucker_L', morph: 2 },
      { name: 'orphan', a: 'jawOpen', b: 'missing', morph: 3 },
    ]);
    expect([...b.correctives]).toEqual([0, 2, 2]);
  });
});

describe('applyBinding', () => {
  const b = bindMesh(controls, { browDown_L: 0, jawOpen: 1, mouthPucker_L: 2, 'corrective:k': 3, unrelated: 4 }, 5, [
    { name: 'k', a: 'jawOpen', b: 'mouthPucker_L', morph: 3 },
  ]);

  it('copies values into influences and drives correctives with the product', () => {
    const inf = [9, 9, 9, 9, 9];
    applyBinding(b, Float32Array.from([0.5, 0.25, 0.8, 1]), inf);
    expect(inf[0]).toBeCloseTo(0.25);
    expect(inf[1]).toBeCloseTo(0.5);
    expect(inf[2]).toBeCloseTo(0.8);
    expect(inf[3]).toBeCloseTo(0.4);
    // A target no published control drives rests at neutral.
    expect(inf[4]).toBe(0);
  });

  it('null values give the neutral head', () => {
    const inf = [1, 1, 1, 1, 1];
    applyBinding(b, null, inf);
    expect(inf).toEqual([0, 0, 0, 0, 0]);
  });

  it('tolerates a short value array', () => {
    const inf = [0, 0, 0, 0, 0];
    applyBinding(b, Float32Array.from([1]), inf);
    expect(inf[1]).toBe(1);
    expect(inf[3]).toBe(0);
  });

  it('correctiveWeight is w_a·w_b', () => {
    expect(correctiveWeight(0.5, 0.4)).toBeCloseTo(0.2);
    expect(correctiveWeight(0, 1)).toBe(0);
  });
});
