// The plate's public face: the shared frame loader, the plate renderer and the drawing helpers
// the head preview's overlay reuses. Where the plate sits in its viewer is ui/plate-layout.ts
// (pure, so the preview's framing and the crop overlay line up with it without the DOM).
export { frameMarkers, makeAvailability } from './availability';
export { drawPlate, sizeCanvas, type PaneContent } from './draw';
export type { FrameKey, FrameLoader } from './frame-loader';
export { frameLoader } from './loader-instance';
export { PlateRenderer, type PlateStatus } from './plate-renderer';
