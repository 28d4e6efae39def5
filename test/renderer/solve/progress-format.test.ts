import { describe, expect, it } from 'vitest';
import { formatDurationMs, formatEta, formatRate, progressFraction, progressText, providerLabel } from '../../../renderer/src/solve/progress-format';

describe('solve progress formatting', () => {
  it('formats the time left', () => {
    expect(formatEta(null)).toBe('—');
    expect(formatEta(Number.NaN)).toBe('—');
    expect(formatEta(0)).toBe('0:00');
    expect(formatEta(4.2)).toBe('0:05');
    expect(formatEta(83)).toBe('1:23');
    expect(formatEta(3723)).toBe('1:02:03');
  });

  it('formats throughput with useful digits', () => {
    expect(formatRate(0)).toBe('0');
    expect(formatRate(0.4234)).toBe('0.42');
    expect(formatRate(7.34)).toBe('7.3');
    expect(formatRate(85.4)).toBe('85');
  });

  it('computes a safe fraction', () => {
    expect(progressFraction(5, 0)).toBe(0);
    expect(progressFraction(30, 120)).toBe(0.25);
    expect(progressFraction(130, 120)).toBe(1);
  });

  it('names providers', () => {
    expect(providerLabel('cuda')).toBe('CUDA');
    expect(providerLabel('dml')).toBe('DirectML');
    expect(providerLabel(null)).toBe('—');
    expect(providerLabel('rocm')).toBe('ROCM');
  });

  it('writes the progress line', () => {
    expect(progressText({ done: 42, total: 120, framesPerSecond: 85.2, etaSeconds: 1.2 })).toBe('42 / 120 frames · 85 frames/s · 0:02 left');
    expect(progressText({ done: 0, total: 120, framesPerSecond: 0, etaSeconds: null })).toBe('0 / 120 frames · — left');
    expect(progressText({ done: 120, total: 120, framesPerSecond: 90, etaSeconds: 0 })).toBe('120 / 120 frames · 90 frames/s');
  });

  it('formats a take duration', () => {
    expect(formatDurationMs(null)).toBe('—');
    expect(formatDurationMs(870)).toBe('0.9 s');
    expect(formatDurationMs(125_000)).toBe('2m 05s');
    expect(formatDurationMs(119_700)).toBe('2m 00s');
  });
});
