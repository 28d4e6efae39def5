// API-backed actions on the app store. Views call these; failures become toasts.
import { api } from '../api/current';
import { toApiCallError, type ApiCallError } from '../api/errors';
import { useApp, applyJobProgress } from './app-store';
import { reportError } from './toasts';

export async function refreshProject(): Promise<void> {
  try {
    const project = await api().call('project.info', {});
    useApp.setState({ project, projectError: null });
  } catch (err) {
    const e = reportError(err, 'Project');
    useApp.setState({ projectError: e.message });
  }
}

export async function refreshShots(): Promise<void> {
  try {
    const shots = await api().call('shots.list', {});
    useApp.setState({ shots, shotsLoaded: true, shotsError: null });
  } catch (err) {
    useApp.setState({ shotsError: toApiCallError(err).message });
  }
}

/** Opens a project; on failure returns the error for the dialog to show beside the path. */
export async function openProject(path: string, create: boolean): Promise<ApiCallError | null> {
  try {
    const project = await api().call('project.open', { path, create });
    useApp.setState({ project, projectError: null, shots: [], shotsLoaded: false });
    await refreshShots();
    return null;
  } catch (err) {
    return toApiCallError(err);
  }
}

/** Wires host events and connection changes into the store; returns the teardown. */
export function startSync(): () => void {
  const a = api();
  const offs = [
    a.on('shots.changed', () => void refreshShots()),
    a.on('job.progress', (p) => useApp.setState((s) => ({ jobs: applyJobProgress(s.jobs, p) }))),
    a.onConnection((connection) => {
      const was = useApp.getState().connection.state;
      useApp.setState({ connection });
      // Events may have been missed while away: reload what the views show.
      if (connection.state === 'open' && was === 'lost') {
        void refreshProject();
        void refreshShots();
      }
    }),
  ];
  useApp.setState({ connection: a.connection });
  void refreshProject();
  void refreshShots();
  return () => offs.forEach((off) => off());
}
