// The curve editor's public face for the rest of the renderer.
//   selectControls(names) / selectRegion(region): show those controls' curves (the head preview
//     calls these when the user clicks a region of the face).
//   useCurveShot(shot): mount once per open shot (session, preview sampler, keys).
//   CurveEditor, ShotWorkspace: the editor and the shot view's layout.
export { selectControls, selectRegion } from './actions';
export { CurveEditor } from './CurveEditor';
export { ShotWorkspace } from './layout/ShotWorkspace';
export { useCurveShot } from './use-curve-shot';
export { useCurveEditor } from './editor-store';
