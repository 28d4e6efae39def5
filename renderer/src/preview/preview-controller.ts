// Drives the head from the stores: the playhead's frame, the control-values seam (sampler,
// version, A/B mode) and the preview's toggles. Every change asks for one coalesced render
// (scheduler.ts); nothing runs while idle. During playback the render happens at once, in the
// playback loop's animation frame, in step with the plate. Frames drawn while the view moves
// (playback, scrubs, drags) are drawn at the resolution that keeps within the shot's frame
// budget, and the view is refined once it settles (render-scale.ts).
import {
  defaultShotCamera,
  faceStabilisePoints,
  headTransform,
  plateProjection,
  stabiliseAffine,
  type Affine2D,
  type HeadMotion,
  type Mat34,
  type ShotCamera,
} from '../../../electron/common/camera';
import { DEFAULT_CONTROLS } from '../../../electron/common/controls';
import { HEAD_CHANNELS } from '../../../electron/common/head';
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
  /** The camera that filmed the shot (its camera.json), null when not known. */
  readonly camera: ShotCamera | null;
  /** A shot without a camera file: its lens as a horizontal field of view (null: the default). */
  readonly fovDeg: number | null;
}

/** What the view shows through the plate's camera on the frame just drawn (tests read it). */
export interface RegisterState {
  readonly camera: ShotCamera;
  /** The main head's motion as drawn (null: at rest, as in the stabilised view). */
  readonly head: HeadMotion | null;
  /** The plate's stabilising warp, plate pixels (null: drawn as filmed). */
  readonly warp: Affine2D | null;
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
  /** The plate-camera state of the last render, null when it rendered through the preview's own camera. */
  lastRegister: RegisterState | null = null;
  /** Where the head channels sit in the published control list (-1: absent), once per list. */
  private headIndex: number[] = HEAD_CHANNELS.map(() => -1);
  private cameraMemo: { key: unknown[]; camera: ShotCamera | null } = { key: [], camera: null };
  private shotCamera: Pick<PreviewShot, 'camera' | 'fovDeg'>;

  constructor(
    private readonly view: HeadView,
    private readonly shot: PreviewShot,
    private readonly overlay: OverlayPlate | null,
    private readonly onStatus: (s: PreviewStatus) => void,
    scale: RenderScale = pageRenderScale,
  ) {
    this.scheduler = new RenderScheduler(() => this.draw());
    this.pacer = new RenderPacer(view, scale, 1000 / shot.fps, () => usePlayhead.getState().playing);
    this.shotCamera = { camera: shot.camera, fovDeg: shot.fovDeg };
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

  /** The plate's size, null when unknown. */
  get source(): Size | null {
    return this.shot.source;
  }

  /** The shot's camera or field of view changed (a setting, a re-import). */
  setShotCamera(camera: ShotCamera | null, fovDeg: number | null): void {
    if (camera === this.shotCamera.camera && fovDeg === this.shotCamera.fovDeg) return;
    this.shotCamera = { camera, fovDeg };
    this.scheduler.request();
  }

  /**
   * The camera the plate was filmed with: the shot's camera file's, else the default camera with the
   * shot's field of view, standing where the synthetic camera stands for this rig. Null without a plate.
   */
  plateCamera(): ShotCamera | null {
    const src = this.shot.source;
    const { camera, fovDeg } = this.shotCamera;
    const key = [camera, fovDeg, this.rig, src?.width, src?.height];
    if (key.length === this.cameraMemo.key.length && key.every((k, i) => k === this.cameraMemo.key[i])) return this.cameraMemo.camera;
    let cam: ShotCamera | null = null;
    if (camera) cam = this.rig && !camera.headPivot ? { ...camera, headPivot: [...this.rig.pivot] } : camera;
    else if (this.rig && src && src.width > 0 && src.height > 0)
      cam = defaultShotCamera({ framing: this.rig.framing, width: src.width, height: src.height, ...(fovDeg ? { fovDeg } : {}), headPivot: this.rig.pivot });
    this.cameraMemo = { key, camera: cam };
    return cam;
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
      this.headIndex = HEAD_CHANNELS.map((h) => cv.controls.indexOf(h));
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
    // Through the plate's camera, each head moves by its own take's head channels; stabilised, the
    // main head stays at rest and the plate moves the other way instead.
    const stabilise = toggles.stabilise && !split;
    const cam = (toggles.plateCamera || stabilise) && this.rig ? this.plateCamera() : null;
    this.view.setPlateCamera(cam);
    const pivot = cam?.headPivot ?? this.rig?.pivot ?? null;
    const motion = cam && outcome === 'values' ? this.headMotion(this.values) : null;
    const moveBy = (m: HeadMotion | null): Mat34 | null => (m && pivot ? headTransform(m, pivot) : null);
    let warp: Affine2D | null = null;
    if (cam && stabilise && this.rig && this.shot.source) {
      const H = moveBy(motion);
      if (H) warp = stabiliseAffine(plateProjection(cam, this.shot.source.width, this.shot.source.height), H, faceStabilisePoints(this.rig.framing));
    }
    this.view.setHeadMotion(0, stabilise ? null : moveBy(motion));
    if (split) this.view.setHeadMotion(1, cam ? moveBy(this.headMotion(this.compareValues)) : null);
    this.lastRegister = cam ? { camera: cam, head: stabilise ? null : motion, warp } : null;
    if ((toggles.overlay || stabilise) && !split && this.overlay && this.shot.source)
      this.overlay.draw(this.shot.id, frame, this.shot.source, () => this.scheduler.request(), warp);
    this.pacer.end(paced, this.view.renderIfChanged());
    this.lastDrawnFrame = frame;
    this.report({ values: outcome, mode: cv.previewMode, compare, layout: this.view.layout });
  }

  /** The head channels among `values` (the published control order); null when the take has none. */
  private headMotion(values: Float32Array): HeadMotion | null {
    const ix = this.headIndex;
    if (ix.every((i) => i < 0)) return null;
    const at = (k: number): number => {
      const i = ix[k]!;
      const v = i >= 0 ? values[i]! : 0;
      return Number.isFinite(v) ? v : 0;
    };
    return { yaw: at(0), pitch: at(1), roll: at(2), tx: at(3), ty: at(4), tz: at(5) };
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
