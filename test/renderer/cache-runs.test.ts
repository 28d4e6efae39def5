import { describe, expect, it } from 'vitest';
import { frameRuns } from '../../renderer/src/timeline/cache-runs';

describe('frameRuns', () => {
  it('groups consecutive frames', () => {
    expect(frameRuns([5, 1, 2, 3, 7, 6, 10, 2])).toEqual([
      [1, 3],
      [5, 7],
      [10, 10],
    ]);
    expect(frameRuns([])).toEqual([]);
  });
});
