import { describe, expect, it } from 'vitest';
import { createRenderer } from '../../../../electron/tools/synth/render/renderer';
import type { RenderResult, RenderSettings } from '../../../../electron/tools/synth/render/types';
import { ballHeadRig, quadRig, sphereRig, twoQuadsRig } from './test-rig';

const px = (img: Uint8Array, w: number, x: number, y: number): number[] => Array.from(img.subarray((y * w + x) * 3, (y * w + x) * 3 + 3));
const front: RenderSettings = {
  width: 64,
  height: 64,
  camera: { position: [0, 0, 0.5], target: [0, 0, 0], focalMm: 50 },
  mode: 'albedo',
  look: { skinDetail: 0 },
};
const srgb = (x: number): number => Math.round(255 * (x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055));

describe('software renderer', () => {
  it('renders a camera-facing quad with its colour and the +Z normal (128,128,255)', () => {
    const r = createRenderer(quadRig([0.5, 0.2, 0.05]), { occlusion: false });
    const res = r.render({ weights: new Float32Array(1), settings: front });
    expect(px(res.rgb, 64, 32, 32)).toEqual([srgb(0.5), srgb(0.2), srgb(0.05)]);
    expect(px(res.normal!, 64, 32, 32)).toEqual([128, 128, 255]);
    // Outside the quad: the backdrop and the documented normal background.
    expect(px(res.normal!, 64, 1, 1)).toEqual([128, 128, 255]);
    expect(px(res.rgb, 64, 1, 1)).not.toEqual(px(res.rgb, 64, 32, 32));
    // Lit: the normal map does not depend on the lighting.
    const lit = r.render({ weights: new Float32Array(1), settings: { ...front, mode: 'lit' } });
    expect(px(lit.normal!, 64, 32, 32)).toEqual([128, 128, 255]);
  });

  it('encodes a sphere in OpenGL convention: +X right, +Y up, +Z toward the camera', () => {
    const r = createRenderer(sphereRig(), { occlusion: false });
    const res = r.render({ weights: new Float32Array(1), settings: { ...front, width: 96, height: 96, mode: 'lit' } });
    const n = res.normal!;
    const c = px(n, 96, 48, 48);
    expect(c[2]).toBeGreaterThan(250);
    // Find the sphere's horizontal extent on the middle row.
    const row = Array.from({ length: 96 }, (_, x) => px(n, 96, x, 48));
    const inside = row.map((p) => !(p[0] === 128 && p[1] === 128 && p[2] === 255));
    const left = inside.indexOf(true),
      right = inside.lastIndexOf(true);
    expect(right - left).toBeGreaterThan(30);
    expect(px(n, 96, right - 2, 48)[0]).toBeGreaterThan(200); // right edge: +X
    expect(px(n, 96, left + 2, 48)[0]).toBeLessThan(56);
    const col = Array.from({ length: 96 }, (_, y) => px(n, 96, 48, y));
    const top = col.findIndex((p) => !(p[0] === 128 && p[1] === 128 && p[2] === 255));
    expect(top).toBeGreaterThan(0);
    expect(px(n, 96, 48, top + 2)[1]).toBeGreaterThan(200); // row 0 is the top: +Y
    const bottom = 95 - [...col].reverse().findIndex((p) => !(p[0] === 128 && p[1] === 128 && p[2] === 255));
    expect(px(n, 96, 48, bottom - 2)[1]).toBeLessThan(56);
  });

  it('keeps the nearest surface whatever the drawing order', () => {
    for (const farFirst of [true, false]) {
      const r = createRenderer(twoQuadsRig(farFirst), { occlusion: false });
      const res = r.render({ weights: new Float32Array(1), settings: front });
      expect(px(res.rgb, 64, 32, 32)).toEqual([255, 0, 0]); // the overlap: the near (red) quad
      // Where only the far quad is (lower left on screen), it shows.
      expect(px(res.rgb, 64, 21, 38)).toEqual([0, 0, 255]);
    }
  });

  it('draws back faces with their normal flipped toward the camera, or culls them', () => {
    const r = createRenderer(quadRig([0.5, 0.5, 0.5]), { occlusion: false });
    const back = { ...front, pose: { yaw: 180, pivot: [0, 0, 0] as const } };
    const two = r.render({ weights: new Float32Array(1), settings: back });
    expect(px(two.normal!, 64, 32, 32)).toEqual([128, 128, 255]);
    expect(px(two.rgb, 64, 32, 32)).toEqual([srgb(0.5), srgb(0.5), srgb(0.5)]);
    const culled = r.render({ weights: new Float32Array(1), settings: { ...back, cull: 'back' } });
    expect(px(culled.rgb, 64, 32, 32)).toEqual(px(culled.rgb, 64, 1, 32));
  });

  it('is deterministic, honours any output size, and seeds its sensor noise', () => {
    const rig = ballHeadRig(0.6);
    const a = createRenderer(rig),
      b = createRenderer(rig);
    const w = new Float32Array(rig.controls.length);
    w[rig.controls.indexOf('jawOpen')] = 0.7;
    const s: RenderSettings = { width: 40, height: 56, pose: { yaw: 5 }, sensor: { readNoise: 0.02, blur: 0.6 }, seed: 3, ssaa: 2 };
    const r1: RenderResult = a.render({ weights: w, settings: s });
    const r2 = b.render({ weights: w, settings: s });
    expect(r1.width).toBe(40);
    expect(r1.height).toBe(56);
    expect(r1.rgb.length).toBe(40 * 56 * 3);
    expect(Buffer.from(r1.rgb).equals(Buffer.from(r2.rgb))).toBe(true);
    expect(Buffer.from(r1.normal!).equals(Buffer.from(r2.normal!))).toBe(true);
    const r3 = a.render({ weights: w, settings: { ...s, seed: 4 } });
    expect(Buffer.from(r1.rgb).equals(Buffer.from(r3.rgb))).toBe(false);
    expect(Buffer.from(r1.normal!).equals(Buffer.from(r3.normal!))).toBe(true);
    const noNormal = a.render({ weights: w, settings: { ...s, normal: false } });
    expect(noNormal.normal).toBeNull();
  });

  it('moves the image when a control moves the mesh', () => {
    const rig = ballHeadRig(0.6);
    const r = createRenderer(rig);
    const w = new Float32Array(rig.controls.length);
    const s: RenderSettings = { width: 48, height: 48 };
    const n0 = r.render({ weights: w, settings: s }).normal!;
    w[rig.controls.indexOf('jawOpen')] = 1;
    const n1 = r.render({ weights: w, settings: s }).normal!;
    let diff = 0;
    for (let i = 0; i < n0.length; i++) diff += Math.abs(n0[i]! - n1[i]!);
    expect(diff).toBeGreaterThan(1000);
  });

  it("reports where the head's anchors land: on the eyes and the lips, following the head", () => {
    const rig = ballHeadRig(0.6);
    const r = createRenderer(rig);
    const w = new Float32Array(rig.controls.length);
    const size = 96;
    const at = (res: RenderResult, k: number): number[] => {
      const a = res.anchors!;
      return px(res.rgb, size, Math.floor(a[k * 2]!), Math.floor(a[k * 2 + 1]!));
    };
    const s: RenderSettings = { width: size, height: size, mode: 'albedo', look: { skinDetail: 0 } };
    const still = r.render({ weights: w, settings: s });
    expect(still.anchors).toHaveLength(6);
    const a = still.anchors!;
    // the actor's left eye (+X) is on the image's right; both eyes above the mouth
    expect(a[0]!).toBeGreaterThan(a[2]!);
    expect(a[1]!).toBeLessThan(a[5]!);
    const onEye = (c: number[]): boolean => c[2]! >= c[0]! && Math.max(...c) < 170; // iris or pupil, not skin
    for (const k of [0, 1]) expect(onEye(at(still, k)), `anchor ${k}: ${at(still, k)}`).toBe(true);
    const lip = at(still, 2);
    expect(lip[0]!).toBeGreaterThan(lip[2]! + 40); // lips: red
    // after a head turn, in a 2× supersampled render, the anchors are still on the eyes
    const turned = r.render({ weights: w, settings: { ...s, ssaa: 2, pose: { yaw: 8, roll: 6 } } });
    expect(turned.anchors![0]).not.toBeCloseTo(a[0]!, 0);
    for (const k of [0, 1]) expect(onEye(at(turned, k)), `turned anchor ${k}: ${at(turned, k)}`).toBe(true);
  });
});
