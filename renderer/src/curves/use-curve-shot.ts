// The curve editor's shot-level part, mounted for as long as a shot is open whatever the body
// shows (the review mode hides the editor but its head preview still needs the final values):
// the session (take, layer, the preview's sampler), the editor's keys, the head preview's
// "select these controls" requests, the test hooks.
import { useEffect } from 'react';
import type { ShotDetail } from '../../../electron/common/api/schemas';
import { onSelectRequest } from '../state/select-request';
import { selectControls } from './actions';
import { installDebugHooks } from './debug-hooks';
import { openCurveSession } from './session';
import { useCurveKeys } from './use-curve-keys';

export function useCurveShot(shot: Pick<ShotDetail, 'id' | 'fps'>): void {
  useEffect(() => openCurveSession(shot.id, shot.fps), [shot.id, shot.fps]);
  useEffect(() => installDebugHooks(), []);
  useEffect(() => onSelectRequest((r) => selectControls(r.controls, r.primary)), []);
  useCurveKeys();
}
