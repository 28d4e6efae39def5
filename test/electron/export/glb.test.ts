// The exported GLB validates with the Khronos glTF validator and, loaded in three.js, plays the
// same values as the app at sampled frames.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { validateBytes } from 'gltf-validator';
import { AnimationMixer, LoopOnce } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { Mesh } from 'three';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { defaultRigPath } from '../../../electron/rig/rig-file';
import { toAnimatedGlb } from '../../../electron/export/gltf-anim';

function table() {
  const values = DEFAULT_CONTROL_NAMES.map((_, c) => Float32Array.from({ length: 60 }, (_, i) => (Math.sin(i / 6 + c * 0.7) + 1) / 2));
  return { shotName: 'sh040', fps: 30, firstFrame: 1, controls: DEFAULT_CONTROL_NAMES, values };
}

describe('GLB export', () => {
  it('validates and plays the same weights in three.js', async () => {
    const t = table();
    const tol = 0.002;
    const out = await toAnimatedGlb(new Uint8Array(await readFile(defaultRigPath())), t, tol);
    expect(out.maxError).toBeLessThanOrEqual(tol);
    const report = await validateBytes(out.bytes, { maxIssues: 50 });
    expect(report.issues.numErrors, JSON.stringify(report.issues.messages.slice(0, 3))).toBe(0);

    const buf = out.bytes.buffer.slice(out.bytes.byteOffset, out.bytes.byteOffset + out.bytes.byteLength) as ArrayBuffer;
    const gltf = await new GLTFLoader().parseAsync(buf, '');
    expect(gltf.animations).toHaveLength(1);
    const mixer = new AnimationMixer(gltf.scene);
    // Played once and held at the end, as a shot is (a looping clip wraps its last frame to the first).
    const action = mixer.clipAction(gltf.animations[0]!).setLoop(LoopOnce, 1);
    action.clampWhenFinished = true;
    action.play();
    let head: Mesh | undefined;
    gltf.scene.traverse((o) => {
      const m = o as Mesh;
      if (m.isMesh && m.morphTargetDictionary && Object.keys(m.morphTargetDictionary).length === 102 && !head) head = m;
    });
    expect(head).toBeDefined();
    for (const frame of [1, 17, 42, 60]) {
      mixer.setTime(frame / t.fps);
      for (const name of ['jawOpen', 'eyeBlink_L', 'mouthCornerPull_R']) {
        const c = DEFAULT_CONTROL_NAMES.indexOf(name);
        const played = head!.morphTargetInfluences![head!.morphTargetDictionary![name]!]!;
        expect(Math.abs(played - t.values[c]![frame - 1]!), `${name}@${frame}`).toBeLessThanOrEqual(tol + 1e-5);
      }
    }
  }, 60_000);
});
