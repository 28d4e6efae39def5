import { describe, expect, it } from 'vitest';
import {
  cameraFileText,
  DEFAULT_FOV_DEG,
  defaultShotCamera,
  focalFromFov,
  fovFromFocal,
  headTransform,
  parseCameraFile,
  plateProjection,
  projectPoint,
  verticalFovDeg,
  type Vec3,
} from '../../../electron/common/camera';
import { compileRig } from '../../../electron/tools/synth/render/mesh';
import { createRenderer } from '../../../electron/tools/synth/render/renderer';
import { synthShotCamera } from '../../../electron/tools/synth/shot/write-shot';
import { ballHeadRig } from '../tools/synth/test-rig';

describe('the camera model (common/camera.ts)', () => {
  it('converts between focal length and field of view; the default is the 85 mm lens on full frame', () => {
    expect(DEFAULT_FOV_DEG).toBeCloseTo(23.91, 2);
    expect(focalFromFov(fovFromFocal(50))).toBeCloseTo(50, 9);
    expect(verticalFovDeg({ focalPx: 128, height: 256 })).toBeCloseTo(90, 9);
  });

  it("projects a synthetic shot's points where the renderer drew them, with the head turned about the neck", () => {
    const rig = ballHeadRig(0.5);
    const size = 64;
    const cam = synthShotCamera(rig, { ssaa: 2 }, size, size);
    const anchors = compileRig(rig).anchors;
    expect(anchors).not.toBeNull();
    const renderer = createRenderer(rig);
    const proj = plateProjection(cam);
    for (const pose of [
      { yaw: 0, pitch: 0, roll: 0 },
      { yaw: 25, pitch: -8, roll: 6 },
      { yaw: -18, pitch: 12, roll: -4 },
    ]) {
      const res = renderer.render({ weights: new Float32Array(rig.controls.length), settings: { width: size, height: size, pose, ssaa: 2, mode: 'albedo' } });
      const head = headTransform({ ...pose, tx: 0, ty: 0, tz: 0 }, cam.headPivot!);
      for (let k = 0; k < anchors!.length / 3; k++) {
        const p: Vec3 = [anchors![k * 3]!, anchors![k * 3 + 1]!, anchors![k * 3 + 2]!];
        const q = projectPoint(proj, p, head)!;
        expect(q.x).toBeCloseTo(res.anchors![k * 2]!, 3);
        expect(q.y).toBeCloseTo(res.anchors![k * 2 + 1]!, 3);
      }
    }
  });

  it('scales with the plate: the same camera on a plate twice the size projects twice as far', () => {
    const cam = defaultShotCamera({ framing: { target: [0, 0, 0], height: 0.3 }, width: 100, height: 100 });
    const a = projectPoint(plateProjection(cam), [0.05, 0.02, 0.01])!;
    const b = projectPoint(plateProjection(cam, 200, 200), [0.05, 0.02, 0.01])!;
    expect(b.x).toBeCloseTo(a.x * 2, 9);
    expect(b.y).toBeCloseTo(a.y * 2, 9);
    // The framing's height fills the plate's height at the target.
    const top = projectPoint(plateProjection(cam), [0, 0.15, 0])!;
    expect(top.y).toBeCloseTo(0, 9);
  });

  it('moves the head by its translation channels in millimetres', () => {
    const m = headTransform({ yaw: 0, pitch: 0, roll: 0, tx: 10, ty: -5, tz: 2 }, [0, -0.05, -0.02]);
    expect([m[3], m[7], m[11]].map((v) => Number(v!.toFixed(9)))).toEqual([0.01, -0.005, 0.002]);
  });

  it('reads back the camera.json it writes, and says what is wrong with a bad one', () => {
    const cam = defaultShotCamera({ framing: { target: [0, 0.01, 0.05], height: 0.25 }, width: 320, height: 240, fovDeg: 40, headPivot: [0, -0.02, -0.03] });
    expect(parseCameraFile(cameraFileText(cam))).toEqual(cam);
    expect(() => parseCameraFile('{')).toThrow(/camera.json is not JSON/);
    expect(() => parseCameraFile(JSON.stringify({ ...cam, focalMm: -1 }))).toThrow(/focalMm/);
    expect(() => parseCameraFile(JSON.stringify({ ...cam, units: 'cm' }))).toThrow(/units/);
  });
});
