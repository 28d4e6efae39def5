// The curve editor's public face for the rest of the renderer.
//   selectControls(names) / selectRegion(region): show those controls' curves (a click on the
//     head preview reaches selectControls through state/select-request.ts).
//   useCurveShot(shot): mount once per open shot (session, preview sampler, keys).
//   CurveEditor, ShotWorkspace: the editor and the shot view's layout.
//   CURVE_KEYS: the editor's keys, for the help overlay.
export { selectControls, selectRegion } from './actions';
export { CurveEditor } from './CurveEditor';
export { CURVE_KEYS } from './curve-keys';
export { ShotWorkspace } from './layout/ShotWorkspace';
export { useCurveShot } from './use-curve-shot';
export { useCurveEditor } from './editor-store';
