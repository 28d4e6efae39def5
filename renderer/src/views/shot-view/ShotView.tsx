// Shot view: plate viewer (RGB / Normal / Side-by-side), side panel, timeline and transport.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FrameInfo, ShotDetail } from '../../../../electron/common/api/schemas';
import { api } from '../../api/current';
import type { ShotAction } from '../../keyboard';
import { frameLoader, frameMarkers } from '../../plate';
import { resetPlayhead, usePlayhead, type PlateMode } from '../../state/playhead';
import { formatRoute, navigate } from '../../state/route';
import { notify } from '../../state/toasts';
import { useQuery } from '../../state/use-query';
import { Timeline } from '../../timeline';
import { Icon } from '../../ui/Icon';
import { formatFps, formatSize } from '../../state/format';
import { HelpOverlay } from './HelpOverlay';
import { PlateView } from './PlateView';
import { SidePanel } from './SidePanel';
import { SHOT_PANELS } from './panels/registry';
import { Transport } from './Transport';
import { usePlayback } from './use-playback';
import { runTransport, useShotKeys } from './use-shot-keys';
import { DrawingLayer, ReviewBody, runFeatureKey, StatusMenu, useReview, useShotFeatures, useTimelineReview } from '../../review';
import { PlateStack, SolveProgressStrip } from '../../solve';
import { ShotStatusBar } from './ShotStatusBar';
import { ShotTools } from './ShotTools';
import { CurveEditor, ShotWorkspace, useCurveShot } from '../../curves';
import { RigButton } from '../../rig';
import './shot-view.css';

interface Props {
  shotId: number;
  initialFrame: number | null;
  onLoaded: (name: string) => void;
}

interface Loaded {
  shot: ShotDetail;
  frames: FrameInfo[];
}

// The head beside the plate in both layouts (workspace and review): the panel registered as 'head'.
const HeadPanel = SHOT_PANELS.find((p) => p.id === 'head')?.component;

const MODES: { mode: PlateMode; label: string; key: string }[] = [
  { mode: 'rgb', label: 'RGB', key: '1' },
  { mode: 'normal', label: 'Normal', key: '2' },
  { mode: 'side', label: 'Side by side', key: '3' },
];

export function ShotView({ shotId, initialFrame, onLoaded }: Props) {
  const q = useQuery<Loaded>(
    async () => {
      const [shot, frames] = await Promise.all([api().call('shot.get', { shotId }), api().call('shot.frames', { shotId })]);
      return { shot, frames };
    },
    String(shotId),
    shotId,
  );
  const data = q.data;
  const initialised = useRef<number | null>(null);

  useEffect(() => {
    if (!data || initialised.current === data.shot.id) return;
    initialised.current = data.shot.id;
    const { shot } = data;
    const keepMode = usePlayhead.getState().mode;
    resetPlayhead(shot.id, shot.firstFrame ?? 0, shot.lastFrame ?? 0, initialFrame, shot.hasNormal ? keepMode : 'rgb');
    onLoaded(shot.name);
  }, [data, initialFrame, onLoaded]);

  if (q.error && !data) {
    return (
      <div className="empty-state">
        <h3>Cannot open this shot</h3>
        <p className="dim">{q.error.message}</p>
        <button className="btn" onClick={() => navigate({ name: 'shots' })}>
          <Icon name="back" /> Back to shots
        </button>
      </div>
    );
  }
  if (!data) {
    return (
      <div className="loading-center">
        <span className="spinner" /> Opening shot…
      </div>
    );
  }
  return <LoadedShot shot={data.shot} frames={data.frames} />;
}

function LoadedShot({ shot, frames }: Loaded) {
  const [loop, setLoop] = useState(true);
  const [panelOpen, setPanelOpen] = useState(true);
  const [help, setHelp] = useState(false);
  const mode = usePlayhead((s) => s.mode);
  const ready = usePlayhead((s) => s.shotId === shot.id);
  const markers = useMemo(() => frameMarkers(frames), [frames]);
  const cacheKind = mode === 'normal' ? 'normal' : 'rgb';
  const cache = useMemo(() => {
    const loader = frameLoader();
    return { frames: () => loader.cachedFrames(shot.id, cacheKind), onChange: (l: () => void) => loader.onChange(l) };
  }, [shot.id, cacheKind]);
  usePlayback(shot.fps, loop);
  useFrameInUrl(shot.id);
  useShotFeatures(shot.id);
  useCurveShot(shot);
  const reviewOn = useReview((s) => s.on);
  const timelineReview = useTimelineReview(shot.id);

  const setMode = useCallback(
    (m: PlateMode) => {
      if (m !== 'rgb' && !shot.hasNormal) {
        notify('No normal maps', 'This shot was imported without normal maps.');
        return;
      }
      usePlayhead.setState({ mode: m });
    },
    [shot.hasNormal],
  );

  const handle = useCallback(
    (a: ShotAction): boolean => {
      if (!(a.type === 'back' && help) && runFeatureKey(a)) return true;
      if (a.type === 'mode') setMode(a.mode);
      else if (a.type === 'back') {
        if (help) setHelp(false);
        else navigate({ name: 'shots' });
      } else if (a.type === 'help') setHelp((h) => !h);
      else return runTransport(a);
      return true;
    },
    [setMode, help],
  );
  useShotKeys(handle);

  if (!ready) return null;
  const first = shot.firstFrame ?? 0;
  const last = shot.lastFrame ?? 0;
  const plateSize = { width: shot.width ?? 0, height: shot.height ?? 0 };
  // Drawn notes show over both views, in the workspace and in review mode alike.
  const head = HeadPanel ? <HeadPanel shot={shot} frames={frames} overlay={<DrawingLayer target="head" plate={plateSize} />} /> : null;

  return (
    <div className="shot-view" data-testid="shot-view" data-shot-id={shot.id}>
      <div className="viewer-bar">
        <button className="btn ghost" title="Back to shots (Esc)" onMouseDown={(e) => e.preventDefault()} onClick={() => navigate({ name: 'shots' })}>
          <Icon name="back" /> Shots
        </button>
        <span className="viewer-shot">{shot.name}</span>
        <StatusMenu shot={shot} />
        <span className="dim num">
          {formatSize(shot.width, shot.height)} · {formatFps(shot.fps)} fps · {shot.frameCount} frames
        </span>
        <span className="toolbar-spacer" />
        <RigButton shot={shot} />
        <ShotTools shot={shot} />
        <div className="seg" role="group" aria-label="Plate mode">
          {MODES.map((m) => (
            <button
              key={m.mode}
              data-testid={`mode-${m.mode}`}
              aria-pressed={mode === m.mode}
              disabled={m.mode !== 'rgb' && !shot.hasNormal}
              title={m.mode !== 'rgb' && !shot.hasNormal ? 'This shot has no normal maps' : `${m.label} (${m.key})`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setMode(m.mode)}
            >
              {m.label}
              <kbd>{m.key}</kbd>
            </button>
          ))}
        </div>
        <button
          className={`btn ghost icon toggle${panelOpen ? ' on' : ''}`}
          title={panelOpen ? 'Hide side panel' : 'Show side panel'}
          aria-pressed={panelOpen}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setPanelOpen((o) => !o)}
        >
          <Icon name="panel" />
        </button>
      </div>
      <SolveProgressStrip shotId={shot.id} />
      <div className="shot-body">
        {reviewOn ? (
          <ReviewBody
            shot={shot}
            plate={
              <PlateStack shot={shot}>
                <PlateView shot={shot} frames={frames} loop={loop} />
                <DrawingLayer target="plate" plate={plateSize} />
              </PlateStack>
            }
            head={head}
          />
        ) : (
          <ShotWorkspace
            plate={
              <PlateStack shot={shot}>
                <PlateView shot={shot} frames={frames} loop={loop} />
                <DrawingLayer target="plate" plate={plateSize} />
              </PlateStack>
            }
            head={head}
            side={<SidePanel shot={shot} frames={frames} open={panelOpen} onToggle={() => setPanelOpen(false)} />}
            curves={<CurveEditor shot={shot} />}
          />
        )}
        {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
      </div>
      <Timeline first={first} last={last} markers={markers} cache={cache} {...timelineReview} />
      <Transport fps={shot.fps} loop={loop} onLoop={setLoop} onHelp={() => setHelp((h) => !h)} />
      <ShotStatusBar shot={shot} />
    </div>
  );
}

/** Keeps #/shot/N?f=F current while paused, so a reload or a shared link lands on the frame. */
function useFrameInUrl(shotId: number): void {
  useEffect(() => {
    let t: ReturnType<typeof setTimeout> | undefined;
    const unsub = usePlayhead.subscribe((s) => {
      clearTimeout(t);
      if (s.playing || s.shotId !== shotId) return;
      t = setTimeout(() => history.replaceState(history.state, '', formatRoute({ name: 'shot', shotId, frame: s.frame })), 300);
    });
    return () => {
      clearTimeout(t);
      unsub();
    };
  }, [shotId]);
}
