// The solve feature's public face: the solve dialog and its progress, the take list and menu,
// the crop overlay over the plate, and how a take is named.
export { PlateStack } from './PlateStack';
export { SolveDialog } from './SolveDialog';
export { RowSolveProgress, SolveProgressStrip, SolveStatusLine } from './SolveProgress';
export { queueState, startSolveSync, useSolve } from './solve-store';
export { takeLabel } from './take-format';
export { TakeList, TakeMenu } from './TakePicker';
