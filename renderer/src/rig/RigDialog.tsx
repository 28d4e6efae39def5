// A shot's rig: pick a GLB on the host, see how its morph targets map to the controls
// (rig.inspect), fix rows by hand, Apply (shot.setRig) or go back to the default head.
import { useEffect, useRef, useState } from 'react';
import type { RigInspectReport, RigMapping, ShotDetail } from '../../../electron/common/api/schemas';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { api } from '../api/current';
import { toApiCallError } from '../api/errors';
import { Dialog } from '../ui/Dialog';
import { DirBar } from '../ui/DirBar';
import { Icon } from '../ui/Icon';
import { useDirListing } from '../ui/use-dir-listing';
import { bumpRigVersion } from './rig-version';
import './rig.css';

const IGNORE = '__ignore__';
const AUTO = '__auto__';

/** One row of the table: a target and what it drives now. */
interface Row {
  readonly target: string;
  readonly controls: readonly string[];
  readonly how: string;
}

function rowsOf(report: RigInspectReport): Row[] {
  const rows: Row[] = [
    ...report.mapped.map((m) => ({ target: m.target, controls: m.controls, how: m.how === 'caseInsensitive' ? 'case' : m.how })),
    ...report.unmapped.map((u) => ({ target: u.target, controls: [], how: u.reason })),
  ];
  return rows.sort((a, b) => a.target.localeCompare(b.target));
}

export function RigDialog({ shot, onClose }: { shot: ShotDetail; onClose: () => void }) {
  const [path, setPath] = useState(shot.rigPath ?? '');
  const [mapping, setMapping] = useState<RigMapping>(shot.rigMapping ?? {});
  const [report, setReport] = useState<RigInspectReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [browsing, setBrowsing] = useState(false);
  const seq = useRef(0);

  const inspect = async (p: string, m: RigMapping) => {
    const mine = ++seq.current;
    if (!p.trim()) {
      setReport(null);
      setError(null);
      return;
    }
    setBusy(true);
    try {
      const r = await api().call('rig.inspect', { path: p.trim(), mapping: m });
      if (mine !== seq.current) return;
      setReport(r);
      setError(null);
    } catch (err) {
      if (mine !== seq.current) return;
      setReport(null);
      setError(toApiCallError(err).message);
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  };

  useEffect(() => {
    if (shot.rigPath) void inspect(shot.rigPath, shot.rigMapping ?? {});
    // Only the shot's current rig on opening; after that the user drives.
  }, []);

  const choose = (p: string) => {
    setPath(p);
    setMapping({});
    setBrowsing(false);
    void inspect(p, {});
  };

  const setRow = (target: string, value: string) => {
    const next: RigMapping = { ...mapping };
    if (value === AUTO) delete next[target];
    else next[target] = value === IGNORE ? null : value;
    setMapping(next);
    void inspect(path, next);
  };

  const apply = async (p: string | null) => {
    setBusy(true);
    try {
      await api().call('shot.setRig', { shotId: shot.id, path: p, ...(p === null ? {} : { mapping }) });
      bumpRigVersion(shot.id);
      onClose();
    } catch (err) {
      setError(toApiCallError(err).message);
    } finally {
      setBusy(false);
    }
  };

  const controls = report?.controls ?? DEFAULT_CONTROL_NAMES;
  return (
    <Dialog
      title={`Rig for ${shot.name}`}
      onClose={onClose}
      busy={busy}
      width={760}
      testId="rig-dialog"
      footer={
        <>
          <button
            className="btn"
            data-testid="rig-default"
            disabled={busy || shot.rigPath === null}
            onClick={() => void apply(null)}
            title="Preview this shot with the default head"
          >
            Default head
          </button>
          <span className="spacer" />
          <button className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button className="btn primary" data-testid="rig-apply" disabled={busy || !report} onClick={() => void apply(path.trim())}>
            {busy ? <span className="spinner" /> : null} Apply
          </button>
        </>
      }
    >
      <div className="rig-path-row">
        <input
          className={`input mono rig-path${error ? ' invalid' : ''}`}
          data-testid="rig-path"
          value={path}
          spellCheck={false}
          placeholder={shot.rigPath === null ? 'The default head — type or browse to a .glb rig' : 'Path of a .glb rig'}
          onChange={(e) => setPath(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              choose(path);
            }
          }}
          onBlur={() => path.trim() !== (report?.path ?? '') && void inspect(path, mapping)}
        />
        <button className={`btn${browsing ? ' on' : ''}`} onClick={() => setBrowsing((b) => !b)}>
          <Icon name="folder" /> Browse
        </button>
      </div>
      {browsing ? <GlbBrowser start={path.trim() ? parentOf(path.trim()) : null} onPick={choose} /> : null}
      {error ? (
        <div className="field-error rig-error" data-testid="rig-error">
          {error}
        </div>
      ) : null}
      {report ? (
        <>
          <div className="rig-table-wrap">
            <table className="rig-table" data-testid="rig-table">
              <thead>
                <tr>
                  <th>Target</th>
                  <th>Control</th>
                  <th>How</th>
                </tr>
              </thead>
              <tbody>
                {rowsOf(report).map((r) => {
                  const manual = mapping[r.target];
                  const value = manual === undefined ? AUTO : manual === null ? IGNORE : manual;
                  return (
                    <tr key={r.target} className={r.controls.length === 0 ? 'rig-unmapped' : ''}>
                      <td className="mono">{r.target}</td>
                      <td>
                        <select
                          className="input"
                          aria-label={`Control for ${r.target}`}
                          value={value}
                          disabled={busy}
                          onChange={(e) => setRow(r.target, e.target.value)}
                        >
                          <option value={AUTO}>{r.controls.length && manual === undefined ? `${r.controls.join(', ')} (auto)` : 'auto'}</option>
                          <option value={IGNORE}>ignore</option>
                          {controls.map((c) => (
                            <option key={c} value={c}>
                              {c}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="dim">{r.how}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="rig-lists">
            <div>
              <span className="field-label">Unmapped targets ({report.unmapped.length})</span>
              <div className="mono dim rig-names">{report.unmapped.map((u) => `${u.target} (${u.reason})`).join(', ') || 'none'}</div>
            </div>
            <div>
              <span className="field-label">Controls without a target ({report.missingControls.length})</span>
              <div className="mono dim rig-names">{report.missingControls.join(', ') || 'none'}</div>
            </div>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}

function parentOf(p: string): string | null {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i > 0 ? p.slice(0, i) : null;
}

/** Folders and .glb files on the host (fs.listDir). */
function GlbBrowser({ start, onPick }: { start: string | null; onPick: (path: string) => void }) {
  const { listing, error, go } = useDirListing();
  useEffect(() => {
    void go(start);
  }, []);
  const entries = (listing?.entries ?? []).filter((e) => e.kind === 'dir' || /\.glb$/i.test(e.name));
  return (
    <div className="dir-browser rig-browser">
      <DirBar listing={listing} go={(p) => void go(p)} />
      {error ? <div className="field-error">{error}</div> : null}
      <ul className="dir-list">
        {entries.map((e) => (
          <li key={e.path}>
            <button onClick={() => (e.kind === 'dir' ? void go(e.path) : onPick(e.path))}>
              {e.kind === 'dir' ? <Icon name="folder" /> : null} {e.name}
            </button>
          </li>
        ))}
        {listing && entries.length === 0 ? <li className="faint dir-none">No folders or .glb files</li> : null}
      </ul>
    </div>
  );
}
