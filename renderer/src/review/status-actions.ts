// Setting a shot's review status from any view, as the user named in settings.
import type { ShotStatus } from '../../../electron/common/api/schemas';
import { api } from '../api/current';
import { refreshShots } from '../state/actions';
import { useApp } from '../state/app-store';
import { notify, reportError } from '../state/toasts';
import type { Role } from './status-workflow';
import { STATUS_LABELS } from './status-workflow';
import { ensureUserName } from './user-store';

export function currentRole(): Role {
  return useApp.getState().project?.readOnly ? 'reviewer' : 'artist';
}

/** True when the host took it. Asks for the user's name first if none is set. */
export async function changeStatus(shotId: number, status: ShotStatus, note: string | null = null): Promise<boolean> {
  const by = await ensureUserName();
  if (!by) return false;
  try {
    const shot = await api().call('shot.setStatus', { shotId, status, by, note });
    notify(`${shot.name}: ${STATUS_LABELS[status].toLowerCase()}`, note ? 'The note is on the shot’s timeline.' : '', 'success');
    void refreshShots();
    return true;
  } catch (err) {
    reportError(err, 'Status');
    return false;
  }
}
