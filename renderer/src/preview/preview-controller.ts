// Drives the head from the stores: the playhead's frame, the control-values seam (sampler,
// version, A/B mode) and the preview's toggles. Every change asks for one coalesced render
// (scheduler.ts); nothing runs while idle. During playback the render happens at once, in the
// playback loop's animation frame, in step with the plate. Frames drawn while the view moves
// (playback, scrubs, drags) are drawn at the resolution that keeps within the shot's frame
// budget, and the view is refined once it settles (render-scale.ts).
import { DEFAULT_CONTROLS } from '../../../electron/common/controls';
import type { Size } from '../ui/plate-layout';
import { useControlValues, type ValuesMode } from '../state/control-values';
import { usePlayhead } from '../state/playhead';
import type { HeadInstance, HeadView } from './head-view';
import { applyBinding, type MeshBinding } from './morph-map';
import type { OverlayPlate } from './overlay-plate';
import { dominantTarget, selectionFor, type PickCandidate } from './pick';
import { usePreviewStore } from './preview-store';
import { bindRig, type PreparedRig } from './rig-scene';
import { RenderPacer } from './render-pacer';
import { pageRenderScale, type RenderScale } from './render-scale';
import { RenderScheduler } from './scheduler';
import { primaryMode, sampleCompare, sampleValues, sized, type SampleOutcome } from './values';

export interface PreviewStatus {
  /** What the main head shows. */
  readonly values: SampleOutcome;
  readonly mode: ValuesMode;
  /** Take comparison: off, two heads, or asked for but no second take to show. */
  readonly compare: 'off' | 'values' | 'unavailable';
  /** How the view is split (the labels follow it). */
  readonly layout: 'single' | 'columns' | 'rows';
}

export interface PickResult {
  readonly primary: string;
  readonly controls: readonly string[];
}

export interface PreviewShot {
  readonly id: number;
  /** Playback rate: the frame budget during playback. */
  readonly fps: number;
  /** Plate size (framing and overlay), null when unknown. */
  readonly source: Size | null;
}

export class PreviewController {
  readonly scheduler: RenderScheduler;
  private rig: PreparedRig | null = null;
  private bindings: MeshBinding[] = [];
  private boundControls: readonly string[] | null = null;
  private values: Float32Array = new Float32Array(0);
  private compareValues: Float32Array = new Float32Array(0);
  private outcome: SampleOutcome = 'no-sampler';
  private status: PreviewStatus | null = null;
  private readonly unsubs: (() => void)[] = [];
  readonly pacer: RenderPacer;
  /** The playhead frame of the last render (the end-to-end test reads it). */
  lastDrawnFrame: number | null = null;

  constructor(
    private readonly view: HeadView,
    private readonly shot: PreviewShot,
    private readonly overlay: OverlayPlate | null,
    private readonly onStatus: (s: PreviewStatus) => void,
    scale: RenderScale = pageRenderScale,
  ) {
    this.scheduler = new RenderScheduler(() => this.draw());
    this.pacer = new RenderPacer(view, scale, 1000 / shot.fps, () => usePlayhead.getState().playing);
    view.setSource(shot.source);
    view.setToggles(usePreviewStore.getState());
  }

  start(): void {
    this.unsubs.push(
      usePlayhead.subscribe((s, prev) => {
        if (s.shotId !== this.shot.id) return;
        // A stop draws the frame playback ended on (it may have been skipped).
        if (!s.playing && prev.playing) return this.scheduler.request();
        if (s.frame === prev.frame && s.shotId === prev.shotId) return;
        if (!s.playing) return this.scheduler.request();
        // Every played frame is drawn, in the playback loop's animation frame: plate and head
        // stay in step. Where frames cost more than the shot's frame interval the pacer draws
        // them coarser, and the playback clock drops frames for both alike.
        this.scheduler.now();
      }),
      useControlValues.subscribe((s, prev) => {
        if (
          s.version !== prev.version ||
          s.sample !== prev.sample ||
          s.controls !== prev.controls ||
          s.previewMode !== prev.previewMode ||
          s.shotId !== prev.shotId ||
          s.compare !== prev.compare
        )
          this.scheduler.request();
      }),
      usePreviewStore.subscribe((s, prev) => {
        if (s.resets !== prev.resets) this.view.resetView();
        this.view.setToggles(s);
        this.scheduler.request();
      }),
    );
    this.scheduler.request();
  }

  setRig(rig: PreparedRig | null): void {
    this.rig = rig;
    this.boundControls = null;
    this.view.setRig(rig);
    this.scheduler.request();
  }

  /** Resize then render at once: a resized canvas is blank until drawn. */
  resize(css: Size, dpr: number): void {
    this.view.resize(css, dpr);
    this.overlay?.resize(css, dpr);
    this.scheduler.now();
  }

  dispose(): void {
    for (const u of this.unsubs.splice(0)) u();
    this.pacer.dispose();
    this.scheduler.dispose();
  }

  /** The values the main head was last drawn with (live, reused by the next draw), or null when it showed neutral. */
  drawnValues(): Float32Array | null {
    return this.outcome === 'values' ? this.values : null;
  }

  /** The controls under a canvas point: the dominant one's region (see pick.ts). */
  pickAt(x: number, y: number, wholeRegion: boolean): PickResult | null {
    const hit = this.view.pick(x, y);
    const pm = hit && this.rig?.meshes[hit.meshIndex];
    if (!hit || !pm) return null;
    const candidates: PickCandidate[] = [];
    for (const t of pm.controlTargets) {
      const shape = pm.blend.shapes[t.morph];
      if (shape) candidates.push({ name: t.name, delta: shape.delta });
    }
    const best = dominantTarget(hit.vertex, candidates);
    return best ? { primary: best.name, controls: selectionFor(best.name, DEFAULT_CONTROLS, wholeRegion) } : null;
  }

  private draw(): void {
    const cv = useControlValues.getState();
    const { frame, playing } = usePlayhead.getState();
    const paced = this.pacer.begin(playing);
    const toggles = usePreviewStore.getState();
    if (this.rig && cv.controls !== this.boundControls) {
      this.bindings = bindRig(this.rig, cv.controls);
      this.boundControls = cv.controls;
    }
    this.values = sized(this.values, cv.controls.length);
    const outcome = (this.outcome = sampleValues(cv, this.shot.id, frame, primaryMode(cv.previewMode), this.values));
    let compare: PreviewStatus['compare'] = 'off';
    if (cv.previewMode === 'compare') {
      this.compareValues = sized(this.compareValues, cv.controls.length);
      compare = sampleCompare(cv, this.shot.id, frame, cv.compare?.sample ?? null, this.compareValues) === 'values' ? 'values' : 'unavailable';
    }
    const split = compare === 'values';
    this.view.setSplit(split);
    this.apply(this.view.head(0), outcome === 'values' ? this.values : null);
    if (split) this.apply(this.view.head(1), this.compareValues);
    if (toggles.overlay && !split && this.overlay && this.shot.source) this.overlay.draw(this.shot.id, frame, this.shot.source, () => this.scheduler.request());
    this.pacer.end(paced, this.view.renderIfChanged());
    this.lastDrawnFrame = frame;
    this.report({ values: outcome, mode: cv.previewMode, compare, layout: this.view.layout });
  }

  private apply(head: HeadInstance | null, values: Float32Array | null): void {
    if (!head) return;
    head.blends.forEach((blend, i) => {
      const b = this.bindings[i];
      if (b) applyBinding(b, values, blend.weights);
    });
    this.view.updateHead(head);
  }

  /** Tells React only when the status changes, not on every frame. */
  private report(s: PreviewStatus): void {
    const p = this.status;
    if (p && p.values === s.values && p.mode === s.mode && p.compare === s.compare && p.layout === s.layout) return;
    this.status = s;
    this.onStatus(s);
  }
}
