import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import {
  addLandmarks,
  cameraSetup,
  centroid,
  chooseFraming,
  emptyLandmarkSums,
  framingFromLandmarks,
  projectToCanvas,
  type CameraSetup,
  type Framing,
} from '../../../renderer/src/preview/framing';
import { fitContain, plateBoxes } from '../../../renderer/src/ui/plate-layout';

const framing: Framing = { target: [0, 0.02, 0.05], height: 0.28 };

/** Where three puts a world point on the canvas with this setup (front-on camera at the framing distance). */
function threeProject(setup: CameraSetup, p: readonly [number, number, number], f: Framing): { x: number; y: number } {
  const cam = new PerspectiveCamera(setup.fov, setup.aspect, 0.01, 10);
  cam.setViewOffset(setup.view.fullWidth, setup.view.fullHeight, setup.view.x, setup.view.y, setup.view.width, setup.view.height);
  cam.position.set(f.target[0], f.target[1], f.target[2] + setup.distance);
  cam.lookAt(f.target[0], f.target[1], f.target[2]);
  cam.updateMatrixWorld();
  cam.updateProjectionMatrix();
  const v = new Vector3(...p).project(cam);
  return { x: ((v.x + 1) / 2) * setup.view.width, y: ((1 - v.y) / 2) * setup.view.height };
}

describe('cameraSetup', () => {
  it('puts the framing height exactly over the plate’s image rectangle (as the plate viewer draws it)', () => {
    const viewport = { width: 300, height: 560 };
    const source = { width: 256, height: 256 };
    const s = cameraSetup(viewport, source, framing);
    const [box] = plateBoxes(viewport, 1);
    const rect = fitContain(source, box!);
    const top = threeProject(s, [framing.target[0], framing.target[1] + framing.height / 2, framing.target[2]], framing);
    const bottom = threeProject(s, [framing.target[0], framing.target[1] - framing.height / 2, framing.target[2]], framing);
    const centre = threeProject(s, framing.target, framing);
    expect(top.y).toBeCloseTo(box!.y + rect.y, 3);
    expect(bottom.y).toBeCloseTo(box!.y + rect.y + rect.height, 3);
    expect(centre.x).toBeCloseTo(box!.x + rect.x + rect.width / 2, 3);
    expect(centre.y).toBeCloseTo(box!.y + rect.y + rect.height / 2, 3);
  });

  it('uses the synthetic camera’s lens: 85 mm on a 36 mm sensor, width-relative', () => {
    const s = cameraSetup({ width: 1000, height: 1000 }, { width: 1920, height: 1080 }, framing);
    expect(s.aspect).toBeCloseTo(1920 / 1080);
    // focalPx = 85/36·W, vertical fov = 2·atan(H / 2 / focalPx)
    expect(s.fov).toBeCloseTo((2 * Math.atan(1080 / 2 / ((85 / 36) * 1920)) * 180) / Math.PI, 6);
    expect(s.distance).toBeCloseTo(((85 / 36) * 1920 * framing.height) / 1080, 6);
  });

  it('keeps the head’s framing when the panel changes shape', () => {
    const wide = cameraSetup({ width: 900, height: 300 }, { width: 256, height: 256 }, framing);
    const tall = cameraSetup({ width: 300, height: 900 }, { width: 256, height: 256 }, framing);
    expect(wide.distance).toBeCloseTo(tall.distance);
    expect(wide.fov).toBeCloseTo(tall.fov);
  });

  it('agrees with its own projection helper and copes with an unknown plate size', () => {
    const s = cameraSetup({ width: 400, height: 300 }, null, framing);
    expect(s.aspect).toBe(1);
    const p: [number, number, number] = [0.03, -0.05, 0.01];
    const a = threeProject(s, p, framing);
    const b = projectToCanvas(s, [p[0] - framing.target[0], p[1] - framing.target[1], p[2] - framing.target[2] - s.distance]);
    expect(a.x).toBeCloseTo(b.x, 3);
    expect(a.y).toBeCloseTo(b.y, 3);
  });
});

describe('landmark framing', () => {
  it('centres between eyes and mouth, 4 eye–mouth distances high (synthetic camera rule)', () => {
    const f = framingFromLandmarks([0, 0.04, 0.08], [0, -0.03, 0.09]);
    expect(f.height).toBeCloseTo(0.28);
    expect(f.target[1]).toBeCloseTo(0.005 + 0.2 * 0.07);
    expect(f.target[2]).toBeCloseTo(0.085 - 0.2 * 0.07);
  });

  it('finds eyes (iris, pupil) and lips from per-vertex materials; falls back to bounds', () => {
    const sums = emptyLandmarkSums();
    addLandmarks(sums, [0, 0.04, 0, 1, 0.04, 0, 0.5, -0.03, 0, 9, 9, 9], [4, 5, 1, 0]);
    expect(centroid(sums.eyes)).toEqual([0.5, 0.04, 0]);
    expect(centroid(sums.mouth)).toEqual([0.5, -0.03, 0]);
    const bounds = { min: [-0.1, -0.2, -0.1] as const, max: [0.1, 0.1, 0.1] as const };
    expect(chooseFraming(null, null, bounds).height).toBeCloseTo(0.3 * 1.08);
    expect(chooseFraming([0, 0.04, 0], [0, -0.03, 0], bounds).height).toBeCloseTo(0.28);
  });
});
