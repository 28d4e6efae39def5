// The curves of one take under the animator's layer, kept evaluated for drawing and preview:
//   filtered[c] = filter(raw[c])                  cached; recomputed only when c's filter changes
//   final[c]    = finalFromFiltered(filtered, keys) recomputed only when c's keys, filter or falloff change
// A drag or a live filter slider is a temporary transaction: `setTemp(ops)` rebuilds the state
// from the committed layer plus those ops (never from the previous temporary state), so moving
// back to the start restores exactly what was there; `setTemp(null)` discards it.
import { finalFromFiltered } from '../../../electron/common/curves/evaluate';
import { channelRange, channelScale } from '../../../electron/common/head';
import { applyFilter, type FilterSpec } from '../../../electron/common/curves/filters';
import { keyOffsets, keySlopes, sampleCorrection, type Key, type KeySlopes, type LayerBase } from '../../../electron/common/curves/keys';
import { applyOps, filterFor, type EditOp, type LayerState } from '../../../electron/common/edits';
import type { ValuesMode } from '../state/control-values';
import type { ChannelDef } from './channels';

export interface TakeData {
  takeId: number;
  shotId: number;
  /** The shot's first frame: raw[c][0] is this frame. */
  firstFrame: number;
  length: number;
  fps: number;
  channels: readonly ChannelDef[];
  raw: readonly Float32Array[];
  failedFrames: readonly number[];
}

const NO_KEYS: readonly Key[] = [];
let serials = 0;

function filterId(f: FilterSpec): string {
  return f.kind === 'none' || f.strength <= 0 ? 'none' : `${f.kind}:${f.strength}`;
}

export class CurveModel {
  /** Unique per model: caches keyed on versions must not mistake a reloaded take for the old one. */
  readonly serial = ++serials;
  readonly take: TakeData;
  readonly filtered: Float32Array<ArrayBuffer>[];
  readonly final: Float32Array[];
  /** Per channel, bumped when final[c] (resp. filtered[c]) changes: the drawing caches' key. */
  readonly finalVersion: Uint32Array;
  readonly filteredVersion: Uint32Array;
  /** Bumped on every change of anything evaluated. */
  version = 0;
  private base: LayerState;
  private temp: readonly EditOp[] | null = null;
  private current: LayerState;
  private filterIds: string[];
  private keyRefs: (readonly Key[] | undefined)[];
  private falloff: number;
  private readonly byName: Map<string, number>;
  private readonly listeners = new Set<() => void>();
  private readonly one = new Float32Array(1);

  constructor(take: TakeData, layer: LayerState) {
    this.take = take;
    const n = take.channels.length;
    this.filtered = take.raw.map((r) => new Float32Array(r.length));
    this.final = take.raw.map((r) => new Float32Array(r.length));
    this.finalVersion = new Uint32Array(n);
    this.filteredVersion = new Uint32Array(n);
    this.filterIds = new Array<string>(n).fill('');
    this.keyRefs = new Array<readonly Key[] | undefined>(n).fill(undefined);
    this.falloff = Number.NaN;
    this.byName = new Map(take.channels.map((c) => [c.name, c.index]));
    this.base = layer;
    this.current = layer;
    this.refresh(true);
  }

  get lastFrame(): number {
    return this.take.firstFrame + this.take.length - 1;
  }

  /** The effective layer (committed + temporary). */
  get layer(): LayerState {
    return this.current;
  }

  get committed(): LayerState {
    return this.base;
  }

  get hasTemp(): boolean {
    return this.temp !== null;
  }

  indexOf(name: string): number {
    return this.byName.get(name) ?? -1;
  }

  keysOf(name: string): readonly Key[] {
    return this.current.keys[name] ?? NO_KEYS;
  }

  filterOf(c: ChannelDef): FilterSpec {
    return filterFor(this.current, c.name, c.region);
  }

  /** A new committed layer (from the API): any temporary state is dropped with it. */
  setBase(layer: LayerState): void {
    this.base = layer;
    this.temp = null;
    this.refresh(false);
  }

  /** The temporary transaction on top of the committed layer; null discards it. */
  setTemp(ops: readonly EditOp[] | null): void {
    this.temp = ops;
    this.refresh(false);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private refresh(force: boolean): void {
    this.current = this.temp ? applyOps(this.base, this.temp) : this.base;
    const { firstFrame, length, fps, channels } = this.take;
    const falloffChanged = this.current.falloff !== this.falloff;
    const range = { shotFirst: firstFrame, from: firstFrame, to: firstFrame + length - 1 };
    for (const c of channels) {
      const i = c.index;
      const spec = filterFor(this.current, c.name, c.region);
      const id = filterId(spec);
      let dirty = force;
      if (id !== this.filterIds[i]) {
        applyFilter(this.take.raw[i]!, spec, fps, this.filtered[i], channelScale(c.name));
        this.filterIds[i] = id;
        this.filteredVersion[i]!++;
        dirty = true;
      }
      const keys = this.current.keys[c.name];
      if (keys !== this.keyRefs[i]) dirty = true;
      if (falloffChanged && ((keys?.length ?? 0) > 0 || (this.keyRefs[i]?.length ?? 0) > 0)) dirty = true;
      if (dirty) {
        // Each channel within its own range: a control's 0…1, the head's degrees and mm (common/head.ts).
        finalFromFiltered(this.filtered[i]!, { keys: keys ?? NO_KEYS, falloff: this.current.falloff, ...channelRange(c.name) }, range, this.final[i]);
        this.keyRefs[i] = keys;
        this.finalVersion[i]!++;
      }
    }
    this.falloff = this.current.falloff;
    this.version++;
    for (const l of this.listeners) l();
  }

  private index(frame: number): number {
    const i = Math.round(frame) - this.take.firstFrame;
    return i < 0 ? 0 : i >= this.take.length ? this.take.length - 1 : i;
  }

  finalAt(c: number, frame: number): number {
    return this.final[c]![this.index(frame)]!;
  }

  filteredAt(c: number, frame: number): number {
    return this.filtered[c]![this.index(frame)]!;
  }

  rawAt(c: number, frame: number): number {
    return this.take.raw[c]![this.index(frame)]!;
  }

  /** The correction offset at a frame (what a new offset key there must hold so nothing jumps). */
  correctionAt(name: string, frame: number): number {
    const c = this.indexOf(name);
    const base = c >= 0 ? this.baseOf(c) : null;
    sampleCorrection(this.keysOf(name), this.current.falloff, Math.round(frame), this.one, base);
    return this.one[0]!;
  }

  /**
   * The filtered solve's slope at a frame (units per frame, central difference): what a tangent
   * handle, drawn on the final curve, adds to the correction's slope.
   */
  filteredSlopeAt(c: number, frame: number): number {
    const f = this.filtered[c]!;
    const i = Math.round(frame) - this.take.firstFrame;
    if (f.length < 2 || i < 0 || i >= f.length) return 0;
    const a = Math.max(0, i - 1);
    const b = Math.min(f.length - 1, i + 1);
    return (f[b]! - f[a]!) / (b - a);
  }

  /** The curve under a control's layer, which its pose keys are measured from. */
  private baseOf(c: number): LayerBase {
    return { filtered: this.filtered[c]!, shotFirst: this.take.firstFrame };
  }

  /** Each key's in and out slope (correction units per frame) as evaluated now. */
  slopesOf(name: string): KeySlopes {
    const c = this.indexOf(name);
    const keys = this.keysOf(name);
    return keySlopes(keys, keyOffsets(keys, c >= 0 ? this.baseOf(c) : null));
  }

  /**
   * The preview's sampler: values of every channel at `frame` into `out`. Reads the evaluated
   * curves, so it allocates nothing and costs one read per control.
   */
  sample(frame: number, mode: ValuesMode, out: Float32Array): boolean {
    if (mode === 'compare') return false;
    const src = mode === 'raw' ? this.take.raw : this.final;
    const i = this.index(frame);
    const n = Math.min(out.length, src.length);
    for (let c = 0; c < n; c++) out[c] = src[c]![i]!;
    return true;
  }

  isFailed(frame: number): boolean {
    return this.take.failedFrames.includes(frame);
  }
}
