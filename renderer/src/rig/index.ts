// The rig's public face: the shot view's rig button (inspect, map and assign a studio rig) and the
// rig's versioned URL, so the head preview reloads a rig that was just reassigned.
export { RigButton } from './RigButton';
export { rigDataPath, useRigVersions } from './rig-version';
