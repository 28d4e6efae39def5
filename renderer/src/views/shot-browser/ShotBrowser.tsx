// Shot browser: the project's shots, import and project actions, and a warnings drawer.
import { useEffect, useMemo, useState } from 'react';
import { refreshShots } from '../../state/actions';
import { useApp } from '../../state/app-store';
import { navigate } from '../../state/route';
import { Icon } from '../../ui/Icon';
// Stylesheets cascade in the order they are first imported: the browser's own, then export's
// (through BrowserActions), then review's (through ShotTable), as before the folders moved.
import './shot-browser.css';
import { BrowserActions } from './BrowserActions';
import { ImportDialog } from './ImportDialog';
import { OpenProjectDialog } from './OpenProjectDialog';
import { ShotTable } from './ShotTable';
import { WarningsPanel } from './WarningsPanel';
import { useBrowserView } from '../../state/browser-view-store';
import { countByStatus, filterShots, sortShots, STATUS_LABELS, StatusFilterBar, toggleSort } from '../../review';
import { clickSelect, selectedInOrder, type ClickMods } from '../../state/shot-selection';
import { SolveStatusLine } from '../../solve';
import { SlatePatternDialog } from './SlatePatternDialog';
import { redoSlate, undoSlate } from './slate-edits';

type DialogName = 'import' | 'open' | 'slate' | null;

export function ShotBrowser() {
  const shots = useApp((s) => s.shots);
  const loaded = useApp((s) => s.shotsLoaded);
  const project = useApp((s) => s.project);
  const projectError = useApp((s) => s.projectError);
  const shotsError = useApp((s) => s.shotsError);
  const selection = useBrowserView((s) => s.selection);
  const statuses = useBrowserView((s) => s.statuses);
  const sort = useBrowserView((s) => s.sort);
  const selectedId = selection.anchor;
  const [warningsFor, setWarningsFor] = useState<number | null>(null);
  const [dialog, setDialog] = useState<DialogName>(null);
  const [filter, setFilter] = useState('');

  const visible = useMemo(
    () =>
      sortShots(
        filterShots(shots, filter, statuses, (s) => STATUS_LABELS[s]),
        sort,
      ),
    [shots, filter, statuses, sort],
  );
  const order = useMemo(() => visible.map((s) => s.id), [visible]);
  const counts = useMemo(() => countByStatus(shots), [shots]);
  const selectedIds = useMemo(() => new Set(selectedInOrder(selection, order)), [selection, order]);
  const setSelectedId = (id: number, mods: ClickMods = { shift: false, toggle: false }) =>
    useBrowserView.setState((v) => ({ selection: clickSelect(v.selection, order, id, mods) }));
  const warningsShot = shots.find((s) => s.id === warningsFor) ?? null;
  const open = (id: number) => navigate({ name: 'shot', shotId: id, frame: null });
  const readOnly = project?.readOnly ?? true;
  useSlateUndoKeys(!readOnly && dialog === null);

  return (
    <div className="shot-browser">
      <div className="toolbar">
        <h1 className="toolbar-title">Shots</h1>
        <span className="dim num">{shots.length}</span>
        <div className="search">
          <Icon name="search" />
          <input className="input" placeholder="Filter" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter shots" />
        </div>
        <span className="toolbar-spacer" />
        <button
          className="btn"
          data-testid="slate-pattern-button"
          disabled={readOnly || visible.length === 0}
          title="Fill scene, take, actor and timecode from the shot or capture names"
          onClick={() => setDialog('slate')}
        >
          Slate from names…
        </button>
        <BrowserActions selected={[...selectedIds]} />
        <span className="toolbar-sep" />
        <button className="btn ghost icon" title="Refresh" aria-label="Refresh" onClick={() => void refreshShots()}>
          <Icon name="refresh" />
        </button>
        <button className="btn" data-testid="open-project-button" disabled={project?.readOnly ?? false} onClick={() => setDialog('open')}>
          <Icon name="open" /> Open project…
        </button>
        <button className="btn primary" data-testid="import-button" disabled={!project || project.readOnly} onClick={() => setDialog('import')}>
          <Icon name="import" /> Import capture…
        </button>
      </div>
      {loaded && shots.length > 0 ? (
        <StatusFilterBar counts={counts} total={shots.length} selected={statuses} onChange={(next) => useBrowserView.setState({ statuses: next })} />
      ) : null}
      <div className="browser-body">
        <div className="browser-main">
          {projectError && !project ? (
            <div className="empty-state">
              <h3>No project open</h3>
              <p className="dim">{projectError}</p>
              <button className="btn primary" onClick={() => setDialog('open')}>
                Open project…
              </button>
            </div>
          ) : shotsError && !loaded ? (
            <div className="empty-state" role="alert">
              <h3>Cannot list the shots</h3>
              <p className="dim">{shotsError}</p>
              <button className="btn" onClick={() => void refreshShots()}>
                <Icon name="refresh" /> Try again
              </button>
            </div>
          ) : !loaded ? (
            <div className="loading-center">
              <span className="spinner" /> Loading shots…
            </div>
          ) : shots.length === 0 ? (
            <div className="empty-state">
              <h3>No shots yet</h3>
              <p className="dim">Import a capture: a folder of RGB frames or a video, with an optional folder of normal maps.</p>
              <button className="btn primary" disabled={!project || project.readOnly} onClick={() => setDialog('import')}>
                <Icon name="import" /> Import capture…
              </button>
            </div>
          ) : (
            <ShotTable
              shots={visible}
              selectedId={selectedId}
              onSelect={setSelectedId}
              onOpen={open}
              onShowWarnings={setWarningsFor}
              selectedIds={selectedIds}
              sort={sort}
              onSort={(k) => useBrowserView.setState((v) => ({ sort: toggleSort(v.sort, k) }))}
              readOnly={readOnly}
            />
          )}
        </div>
        {warningsShot ? <WarningsPanel shot={warningsShot} onClose={() => setWarningsFor(null)} /> : null}
      </div>
      <div className="statusbar">
        <span className="dim" title={project?.path}>
          {project ? project.path : ''}
        </span>
        <SolveStatusLine />
        <span className="toolbar-spacer" />
        {selectedIds.size > 1 ? <span className="dim">{selectedIds.size} selected</span> : null}
        <span className="faint">Double-click or Enter to open a shot · Ctrl/Shift+click to select several</span>
      </div>
      {dialog === 'import' ? (
        <ImportDialog
          onClose={() => setDialog(null)}
          onOpenShot={(id) => {
            setDialog(null);
            open(id);
          }}
        />
      ) : null}
      {dialog === 'open' ? <OpenProjectDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'slate' ? (
        <SlatePatternDialog shots={selectedIds.size > 0 ? visible.filter((s) => selectedIds.has(s.id)) : visible} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}

/** Ctrl/Cmd+Z undoes the last slate edit, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes it, unless a text box has the keys. */
function useSlateUndoKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (!(e.ctrlKey || e.metaKey) || t?.closest('input, textarea, [contenteditable="true"]')) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) void undoSlate();
      else if ((k === 'z' && e.shiftKey) || k === 'y') void redoSlate();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
