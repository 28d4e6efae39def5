import { describe, expect, it } from 'vitest';
import { applyFinished, applyProgress, queueState, type SolveState } from '../../../renderer/src/solve/solve-store';

const empty: SolveState = { progress: {}, runningShotId: null, queued: [2, 3], provider: null, notice: null, finished: {} };
const progress = { shotId: 2, takeId: 7, done: 16, total: 120, framesPerSecond: 40, etaSeconds: 2.6, provider: 'cuda' };

describe('solve store folding', () => {
  it('a progress event makes the shot the running one and records the provider', () => {
    const next = { ...empty, ...applyProgress(empty, progress) };
    expect(next.runningShotId).toBe(2);
    expect(next.queued).toEqual([3]);
    expect(next.provider).toBe('cuda');
    expect(next.progress[2]?.done).toBe(16);
    expect(queueState(next, 2)).toEqual({ state: 'running' });
    expect(queueState(next, 3)).toEqual({ state: 'queued', position: 1 });
    expect(queueState(next, 9)).toEqual({ state: 'idle' });
  });

  it('a finished event clears the progress and remembers the outcome', () => {
    const running = { ...empty, ...applyProgress(empty, progress) };
    const done = { ...running, ...applyFinished(running, { shotId: 2, takeId: 7, ok: true, message: 'solved', failedFrames: [5] }) };
    expect(done.progress[2]).toBeUndefined();
    expect(done.runningShotId).toBeNull();
    expect(done.finished[2]?.failedFrames).toEqual([5]);
  });
});
