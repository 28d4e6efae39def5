// Split-pane maths: the first pane's share of the space, kept within limits so neither pane can
// be dragged away to nothing.
export interface SplitLimits {
  /** Minimum size of each pane, px. */
  minFirst: number;
  minSecond: number;
}

export function clampShare(share: number, total: number, limits: SplitLimits): number {
  if (!(total > 0)) return share;
  const lo = Math.min(1, limits.minFirst / total);
  const hi = Math.max(lo, 1 - limits.minSecond / total);
  return Math.min(hi, Math.max(lo, share));
}

/** The share after dragging the divider to `pos` px from the container's start. */
export function shareAt(pos: number, total: number, divider: number, limits: SplitLimits): number {
  return clampShare((pos - divider / 2) / Math.max(1, total - divider), total, limits);
}
