// Setting a real shot's camera lens (its horizontal field of view) from the preview: an ordinary
// edit of the shot (common/edits.ts setFov), one step in its history, so Ctrl+Z and Ctrl+Shift+Z
// take it back and forth as they do a key.
import type { ShotDetail } from '../../../electron/common/api/schemas';
import { commitShotEdit } from '../state/shot-edits';

/** Sets the shot's field of view (null: the default); false, with the host's reason shown, when refused. */
export function setShotFov(shot: Pick<ShotDetail, 'id' | 'fovDeg'>, fovDeg: number | null): Promise<boolean> {
  if (fovDeg === shot.fovDeg) return Promise.resolve(true);
  return commitShotEdit(shot.id, `Field of view ${fovDeg === null ? 'default' : `${fovDeg}°`}`, [{ op: 'setFov', fovDeg }]);
}
