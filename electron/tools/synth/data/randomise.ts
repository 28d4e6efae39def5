// Domain randomisation of the training renders: lighting, skin tone and shine, backdrop, camera
// (focal length, framing jitter), small head pose, and the sensor (exposure, white balance,
// blur, noise). Ranges live in RANDOMISATION, which the manifest records.
import type { Rng } from '../rng';
import type { RenderSettings, Vec3 } from '../render/types';

export const RANDOMISATION = {
  kind: 'rigsolve-domain-randomisation/1',
  key: { azimuthDeg: [-75, 75], elevationDeg: [-15, 60], intensity: [1.2, 3.4], colourTemperatureJitter: 0.12, shadowChance: 0.85 },
  fill: { chance: 0.85, intensity: [0.05, 0.9] },
  rim: { chance: 0.5, intensity: [0.1, 1.2] },
  ambient: { intensity: [0.06, 0.45], groundRatio: [0.25, 0.9] },
  skin: { tone: 'luminance uniform(0.35, 1.25) × hue jitter', detail: [0.2, 1.3], specular: [0.4, 1.8] },
  background: { luminance: [0.01, 0.55], hueJitter: 0.25, gradient: [-0.3, 0.7] },
  camera: { focalMm: [45, 120], distanceScale: [0.88, 1.15], targetJitterM: 0.012 },
  pose: { yawDeg: 9, pitchDeg: 7, rollDeg: 5, distribution: 'uniform(±range)' },
  // The shots' sensor (synth-shot: 2× supersampled, blur 0.35 px, read 0.003, shot 0.002) sits
  // inside these ranges, and every sample goes through the same optics: 2× supersampling, then blur.
  sensor: { exposureStops: [-0.8, 0.5], whiteBalanceJitter: 0.08, blurChance: 1, blurSigmaPx: [0.2, 0.9], readNoise: [0, 0.012], shotNoise: [0, 0.008] },
  ssaa: 2,
  normalBackground: [128, 128, 255],
} as const;

const R = RANDOMISATION;
const DEG = Math.PI / 180;

function range(rng: Rng, r: readonly [number, number]): number {
  return rng.uniform(r[0], r[1]);
}

function tinted(rng: Rng, scale: number, jitter: number): Vec3 {
  return [scale * (1 + rng.uniform(-jitter, jitter)), scale * (1 + rng.uniform(-jitter, jitter) * 0.5), scale * (1 + rng.uniform(-jitter, jitter))];
}

function dirFrom(azDeg: number, elDeg: number): Vec3 {
  const az = azDeg * DEG,
    el = elDeg * DEG;
  // Azimuth 0 = from the camera side (+Z), positive toward the actor's left (+X).
  return [Math.sin(az) * Math.cos(el), Math.sin(el), Math.cos(az) * Math.cos(el)];
}

/** Settings of one training render (size and seed filled in). */
export function sampleRandomisation(rng: Rng, size: number, seed: number): RenderSettings {
  const keyAz = range(rng, R.key.azimuthDeg);
  const key = { direction: dirFrom(keyAz, range(rng, R.key.elevationDeg)), color: tinted(rng, range(rng, R.key.intensity), R.key.colourTemperatureJitter) };
  const fill = rng.chance(R.fill.chance)
    ? { direction: dirFrom(-Math.sign(keyAz || 1) * rng.uniform(20, 80), rng.uniform(-20, 30)), color: tinted(rng, range(rng, R.fill.intensity), 0.1) }
    : null;
  const rim = rng.chance(R.rim.chance)
    ? { direction: dirFrom(rng.uniform(120, 240), rng.uniform(0, 60)), color: tinted(rng, range(rng, R.rim.intensity), 0.1) }
    : null;
  const amb = range(rng, R.ambient.intensity);
  const ground = amb * range(rng, R.ambient.groundRatio);
  const tone = rng.uniform(0.35, 1.25);
  const skinTint: Vec3 = [tone * rng.uniform(0.92, 1.08), tone * rng.uniform(0.9, 1.05), tone * rng.uniform(0.88, 1.08)];
  const bgLum = range(rng, R.background.luminance);
  const wb = R.sensor.whiteBalanceJitter;
  return {
    width: size,
    height: size,
    seed,
    ssaa: R.ssaa,
    normalBackground: R.normalBackground,
    lighting: { key, fill, rim, ambientSky: tinted(rng, amb, 0.1), ambientGround: tinted(rng, ground, 0.1), keyShadows: rng.chance(R.key.shadowChance) },
    look: {
      skinTint,
      skinDetail: range(rng, R.skin.detail),
      specular: range(rng, R.skin.specular),
      background: tinted(rng, bgLum, R.background.hueJitter),
      backgroundGradient: range(rng, R.background.gradient),
    },
    camera: {
      focalMm: range(rng, R.camera.focalMm),
      distanceScale: range(rng, R.camera.distanceScale),
      targetOffset: [rng.uniform(-1, 1) * R.camera.targetJitterM, rng.uniform(-1, 1) * R.camera.targetJitterM, 0],
    },
    pose: { yaw: rng.uniform(-1, 1) * R.pose.yawDeg, pitch: rng.uniform(-1, 1) * R.pose.pitchDeg, roll: rng.uniform(-1, 1) * R.pose.rollDeg },
    sensor: {
      exposure: range(rng, R.sensor.exposureStops),
      whiteBalance: [1 + rng.uniform(-wb, wb), 1, 1 + rng.uniform(-wb, wb)],
      blur: rng.chance(R.sensor.blurChance) ? range(rng, R.sensor.blurSigmaPx) : 0,
      readNoise: range(rng, R.sensor.readNoise),
      shotNoise: range(rng, R.sensor.shotNoise),
    },
  };
}
