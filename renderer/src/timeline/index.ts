// The timeline's public face: the component, the playback clock, and the frame-to-pixel space
// the review's lanes draw in (so they line up with the ruler).
export { frameRuns } from './cache-runs';
export { frameAt } from './playback-clock';
export { Timeline, TIMELINE_PAD } from './Timeline';
export { cellWidth, frameToPx, type TimelineSpace } from './timeline-math';
