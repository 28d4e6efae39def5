// Cached frames as contiguous runs, so the cache line draws a few rectangles, not one per frame.
export function frameRuns(frames: readonly number[]): [first: number, last: number][] {
  const sorted = [...new Set(frames)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const f of sorted) {
    const last = runs[runs.length - 1];
    if (last && f === last[1] + 1) last[1] = f;
    else runs.push([f, f]);
  }
  return runs;
}
