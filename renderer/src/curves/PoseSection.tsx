// The pose library: save a region's final values at the playhead under a name; apply a saved pose
// at the playhead as keys on every control of its region (one undo step).
import { useMemo, useState } from 'react';
import { usePlayhead } from '../state/playhead';
import { notify } from '../state/toasts';
import { REGION_LABELS, REGION_ORDER, regionChannels } from './channels';
import { editorState, useCurveEditor } from './editor-store';
import { poseOps } from './key-edits';
import { capturePose, loadPoses, savePoses, upsertPose, type Pose } from './poses';
import { commit, currentModel } from './session';

export function PoseSection({ defaultRegion }: { defaultRegion: string }) {
  const model = useCurveEditor((s) => s.model);
  const [region, setRegion] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [poses, setPoses] = useState<Pose[]>(() => loadPoses());
  const r = region ?? defaultRegion;
  const regions = useMemo(() => REGION_ORDER.filter((g) => model?.take.channels.some((c) => c.region === g)), [model]);
  if (!model) return null;
  const mine = poses.filter((p) => p.region === r);

  const save = () => {
    const frame = usePlayhead.getState().frame;
    const names = regionChannels(model.take.channels, r);
    const pose = capturePose(name || `${REGION_LABELS[r] ?? r} @${frame}`, r, names, (n) => model.finalAt(model.indexOf(n), frame));
    const next = upsertPose(poses, pose);
    setPoses(next);
    savePoses(next);
    setName('');
    notify('Pose saved', `“${pose.name}”: ${names.length} ${REGION_LABELS[r]?.toLowerCase() ?? r} controls at frame ${frame}`, 'success');
  };

  const apply = (p: Pose) => {
    const m = currentModel();
    if (!m) return;
    const frame = usePlayhead.getState().frame;
    const values = Object.fromEntries(Object.entries(p.values).filter(([n]) => m.indexOf(n) >= 0));
    void commit(`Apply pose “${p.name}” at ${frame}`, poseOps(m.layer, m, values, frame, editorState().keyMode));
  };

  const remove = (p: Pose) => {
    const next = poses.filter((x) => x.id !== p.id);
    setPoses(next);
    savePoses(next);
  };

  return (
    <section className="insp-section" data-testid="pose-section">
      <div className="section-title">Poses</div>
      <label className="insp-field">
        <span>Region</span>
        <select className="input" value={r} onChange={(e) => setRegion(e.target.value)}>
          {regions.map((g) => (
            <option key={g} value={g}>
              {REGION_LABELS[g] ?? g}
            </option>
          ))}
        </select>
      </label>
      <div className="pose-save">
        <input
          className="input"
          placeholder="Pose name"
          value={name}
          data-testid="pose-name"
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
            else if (e.key === 'Escape') e.currentTarget.blur();
          }}
        />
        <button
          className="btn small"
          title="Save the region's final values at the playhead"
          onMouseDown={(e) => e.preventDefault()}
          onClick={save}
          data-testid="pose-save"
        >
          Save
        </button>
      </div>
      {mine.length === 0 ? (
        <p className="insp-hint dim">No {REGION_LABELS[r]?.toLowerCase() ?? r} poses yet. Save one from a good frame, apply it where the solve misses.</p>
      ) : (
        <ul className="pose-list">
          {mine.map((p) => (
            <li key={p.id}>
              <span
                className="pose-name"
                title={Object.entries(p.values)
                  .map(([n, v]) => `${n} ${v.toFixed(3)}`)
                  .join('\n')}
              >
                {p.name}
              </span>
              <button
                className="btn small"
                title="Key the region to this pose at the playhead"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => apply(p)}
              >
                Apply
              </button>
              <button
                className="btn ghost icon small"
                title="Remove from the library"
                aria-label="Remove pose"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => remove(p)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
