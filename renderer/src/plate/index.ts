// The plate's public face: the shared frame loader, the plate renderer and the layout and drawing
// helpers the head preview's overlay and the crop overlay reuse, so both line up with the plate.
export { frameMarkers, makeAvailability } from './availability';
export { drawPlate, sizeCanvas, type PaneContent } from './draw';
export type { FrameKey, FrameLoader } from './frame-loader';
export { frameLoader } from './loader-instance';
export { fitContain, plateBoxes, proxyWidth, type Size } from './plate-layout';
export { PlateRenderer, type PlateStatus } from './plate-renderer';
