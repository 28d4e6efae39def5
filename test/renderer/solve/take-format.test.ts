import { describe, expect, it } from 'vitest';
import { takeLabel } from '../../../renderer/src/solve/take-format';

describe('take labels', () => {
  it('names a solve by its number and curves from a file by what they are', () => {
    expect(takeLabel({ id: 3, name: null })).toBe('Take 3');
    expect(takeLabel({ id: 3 })).toBe('Take 3');
    expect(takeLabel({ id: 2, name: 'ground truth (truth.csv)' })).toBe('Take 2 · ground truth (truth.csv)');
  });
});
