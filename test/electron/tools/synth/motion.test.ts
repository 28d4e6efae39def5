import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROL_NAMES as N } from '../../../../electron/common/controls';
import { generateMotion } from '../../../../electron/tools/synth/shot/motion';

describe('motion generator', () => {
  const m = generateMotion({ frames: 30 * 60, fps: 30, seed: 11, controls: N });
  const C = N.length;
  const col = (n: string): number[] => Array.from({ length: m.frames }, (_, f) => m.weights[f * C + N.indexOf(n)]!);

  it('is deterministic by seed', () => {
    const again = generateMotion({ frames: 30 * 60, fps: 30, seed: 11, controls: N });
    expect(Buffer.from(again.weights.buffer).equals(Buffer.from(m.weights.buffer))).toBe(true);
    expect(again.poses).toEqual(m.poses);
    const other = generateMotion({ frames: 30 * 60, fps: 30, seed: 12, controls: N });
    expect(Buffer.from(other.weights.buffer).equals(Buffer.from(m.weights.buffer))).toBe(false);
  });

  it('stays in [0, 1] and moves many controls', () => {
    expect(m.weights.every((v) => v >= 0 && v <= 1)).toBe(true);
    const moving = N.filter((n) => Math.max(...col(n)) > 0.1);
    expect(moving.length).toBeGreaterThan(60);
  });

  it('blinks at a human rate, closing faster than opening', () => {
    const b = col('eyeBlink_L');
    let blinks = 0;
    for (let f = 1; f < b.length; f++) if (b[f]! > 0.8 && b[f - 1]! <= 0.8) blinks++;
    expect(blinks).toBeGreaterThanOrEqual(8);
    expect(blinks).toBeLessThanOrEqual(35);
  });

  it('moves both eyes together (conjugate gaze) with holds between saccades', () => {
    const outL = col('eyeLookOut_L'),
      inR = col('eyeLookIn_R');
    let agree = 0,
      total = 0,
      still = 0;
    for (let f = 1; f < m.frames; f++) {
      if (outL[f]! > 0.1) {
        total++;
        if (inR[f]! > 0.05) agree++;
      }
      if (Math.abs(outL[f]! - outL[f - 1]!) < 0.01) still++;
    }
    expect(total).toBeGreaterThan(30);
    expect(agree / total).toBeGreaterThan(0.9);
    expect(still / m.frames).toBeGreaterThan(0.6);
  });

  it('talks: the jaw opens and closes at syllable rate', () => {
    const jaw = col('jawOpen');
    let peaks = 0;
    for (let f = 1; f + 1 < jaw.length; f++) if (jaw[f]! > 0.15 && jaw[f]! >= jaw[f - 1]! && jaw[f]! > jaw[f + 1]!) peaks++;
    expect(peaks / 60).toBeGreaterThan(0.8);
  });
});
