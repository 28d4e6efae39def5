// Portrait lighting that reads as a face from any orbit angle: a warm soft key from high camera
// left, a cool fill from the right, a rim from behind, and a sky/ground ambient so nothing goes
// black. Key, fill and rim ride on the camera (a DCC viewport's habit): orbiting turns the head,
// not the light. ACES tone mapping and sRGB output are set on the renderer (head-view.ts).
import { DirectionalLight, HemisphereLight, Object3D, type Camera, type Scene } from 'three';

interface LightSpec {
  readonly color: number;
  readonly intensity: number;
  /** Position in camera space; the light points at the subject, 1 unit in front of the camera. */
  readonly from: readonly [number, number, number];
}

export const STUDIO_LIGHTS: readonly LightSpec[] = [
  { color: 0xfff0e0, intensity: 2.6, from: [-0.9, 0.8, 0.4] }, // key
  { color: 0xd8e4ff, intensity: 0.9, from: [1.0, 0.05, 0.2] }, // fill
  { color: 0xffffff, intensity: 2.2, from: [0.6, 0.9, -2.2] }, // rim, from behind the head
];

export function addStudioLights(scene: Scene, camera: Camera): void {
  scene.add(new HemisphereLight(0xe4ecf6, 0x4a3a32, 0.9));
  const subject = new Object3D();
  subject.position.set(0, 0, -1);
  camera.add(subject);
  for (const spec of STUDIO_LIGHTS) {
    const light = new DirectionalLight(spec.color, spec.intensity);
    light.position.set(spec.from[0], spec.from[1], spec.from[2]);
    light.target = subject;
    camera.add(light);
  }
  // Lights under the camera are only seen when the camera is in the scene.
  if (!camera.parent) scene.add(camera);
}
