// Solve one shot or a batch: choose the model (with its manifest) and the device, then queue.
// The queue runs in the host; the dialog closes at once and progress shows on the rows / bar.
import { useEffect, useMemo, useState } from 'react';
import type { DeviceChoice, ModelSummary } from '../../../electron/common/api/schemas';
import { api } from '../api/current';
import { toApiCallError } from '../api/errors';
import { useApp } from '../state/app-store';
import { Dialog } from '../ui/Dialog';
import { FeatureIcon } from '../ui/icons';
import { preferredModel } from './model-format';
import { ModelPicker } from './ModelPicker';
import { DEVICE_OPTIONS, lastDevice, lastModelPath, rememberSolveChoice } from './solve-prefs';
import { startSolve } from './solve-store';

interface Props {
  shotIds: readonly number[];
  onClose: () => void;
}

export function SolveDialog({ shotIds, onClose }: Props) {
  const shots = useApp((s) => s.shots);
  const [models, setModels] = useState<ModelSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [modelPath, setModelPath] = useState<string | null>(null);
  const [device, setDevice] = useState<DeviceChoice>(lastDevice);
  const [busy, setBusy] = useState(false);
  // The rig (and so the models' fit) is the first shot's; keyed on its id, not on the array,
  // so a parent re-render does not reload the list and drop the user's choice.
  const firstShot = shotIds[0] ?? null;

  useEffect(() => {
    let live = true;
    api()
      .call('models.list', { shotId: firstShot })
      .then(
        (list) => {
          if (!live) return;
          setModels(list);
          setModelPath(preferredModel(list, lastModelPath())?.path ?? null);
        },
        (err: unknown) => live && setError(toApiCallError(err).message),
      );
    return () => {
      live = false;
    };
  }, [firstShot]);

  const names = useMemo(() => shotIds.map((id) => shots.find((s) => s.id === id)?.name ?? `shot ${id}`), [shotIds, shots]);
  const frames = useMemo(() => shotIds.reduce((n, id) => n + (shots.find((s) => s.id === id)?.frameCount ?? 0), 0), [shotIds, shots]);
  const usable = models?.filter((m) => m.problem === null).length ?? 0;

  const submit = async () => {
    if (!modelPath) return;
    setBusy(true);
    rememberSolveChoice(modelPath, device);
    const ok = await startSolve(shotIds, modelPath, device);
    setBusy(false);
    if (ok) onClose();
  };

  const title = shotIds.length === 1 ? `Solve ${names[0]}` : `Solve ${shotIds.length} shots`;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      busy={busy}
      width={640}
      testId="solve-dialog"
      footer={
        <>
          <span className="dim num">{shotIds.length === 1 ? `${frames} frames` : `${shotIds.length} shots · ${frames} frames, queued in this order`}</span>
          <span className="spacer" />
          <button className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button className="btn primary" data-testid="solve-submit" disabled={!modelPath || busy} onClick={() => void submit()}>
            <FeatureIcon name="solve" /> {shotIds.length === 1 ? 'Solve' : `Queue ${shotIds.length} solves`}
          </button>
        </>
      }
    >
      {shotIds.length > 1 ? (
        <div className="solve-shots dim" title={names.join('\n')}>
          {names.slice(0, 6).join(', ')}
          {names.length > 6 ? ` and ${names.length - 6} more` : ''}
        </div>
      ) : null}
      <div className="field-label">Model</div>
      {error ? (
        <div className="field-error" role="alert">
          Cannot list the models: {error}
        </div>
      ) : models === null ? (
        <div className="loading-inline dim">
          <span className="spinner" /> Reading model manifests…
        </div>
      ) : models.length === 0 ? (
        <div className="solve-empty">
          <strong>No models found.</strong>
          <span className="dim">Put an ONNX model and its manifest (.json beside it) in your models folder, then open this again.</span>
        </div>
      ) : (
        <>
          <ModelPicker models={models} selected={modelPath} onSelect={setModelPath} disabled={busy} />
          {usable === 0 ? <div className="field-error">No listed model fits this shot’s rig; see the reasons above.</div> : null}
        </>
      )}
      <div className="field-label device-label">Device</div>
      <div className="seg device-seg" role="radiogroup" aria-label="Device">
        {DEVICE_OPTIONS.map((d) => (
          <button
            key={d.device}
            role="radio"
            aria-checked={device === d.device}
            aria-pressed={device === d.device}
            data-testid={`device-${d.device}`}
            title={d.hint}
            disabled={busy}
            onClick={() => setDevice(d.device)}
          >
            {d.label}
          </button>
        ))}
      </div>
      <div className="field-hint">
        {DEVICE_OPTIONS.find((d) => d.device === device)?.hint}. If it does not load here the solve falls back to the next provider and says so in the status
        bar.
      </div>
    </Dialog>
  );
}
