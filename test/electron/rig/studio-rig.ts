// A small studio rig as a DCC tool exports it, for the tests that bring their own rig: one mesh of
// two primitives (face, lips) and a teeth mesh, 16 vertices each, ARKit-style target names.
import { Document, Logger } from '@gltf-transform/core';

export const STUDIO_HEAD_TARGETS = ['jawOpen', 'eyeBlinkLeft', 'eyeBlink_R', 'mouthSmileLeft', 'browInnerUp', 'customWrinkle'];

export function studioRigDoc(): Document {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.WARN));
  const buffer = doc.createBuffer();
  const scene = doc.createScene('dcc');
  doc.getRoot().setDefaultScene(scene);
  const grid = (x0: number, y0: number, z: number): Float32Array => {
    const p: number[] = [];
    for (let j = 0; j < 4; j++) for (let i = 0; i < 4; i++) p.push(x0 + 0.02 * i, y0 + 0.02 * j, z);
    return new Float32Array(p);
  };
  const tris: number[] = [];
  for (let j = 0; j < 3; j++)
    for (let i = 0; i < 3; i++) {
      const a = j * 4 + i;
      tris.push(a, a + 1, a + 5, a, a + 5, a + 4);
    }
  const addMesh = (name: string, prims: Float32Array[], targets: string[]): void => {
    const mesh = doc.createMesh(name).setExtras({ targetNames: targets });
    prims.forEach((pos, k) => {
      const prim = doc
        .createPrimitive()
        .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(pos).setBuffer(buffer))
        .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(tris)).setBuffer(buffer));
      targets.forEach((t, n) => {
        const d = new Float32Array(pos.length).map((_, i) => (i % 3 === 1 ? 0.001 * (n + 1) * (k + 1) : 0.0005 * ((i % 7) - 3)));
        prim.addTarget(doc.createPrimitiveTarget(t).setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(d).setBuffer(buffer)));
      });
      mesh.addPrimitive(prim);
    });
    scene.addChild(doc.createNode(name).setMesh(mesh));
  };
  addMesh('Head', [grid(-0.03, -0.03, 0.08), grid(-0.03, -0.07, 0.09)], STUDIO_HEAD_TARGETS);
  addMesh('Teeth', [grid(-0.02, -0.07, 0.07)], ['jawOpen']);
  return doc;
}
