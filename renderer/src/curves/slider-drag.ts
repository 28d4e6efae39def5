// A control's value slider: press and drag across it to set the final value at the playhead.
// Like a key drag it is a temporary transaction (live in the curves and the head preview),
// committed once on release as "Set <control> to <v> at <frame>", discarded by Esc.
import { usePlayhead } from '../state/playhead';
import { editorState } from './editor-store';
import { sliderOps } from './key-edits';
import { commit, currentModel, setLive } from './session';
import type { EditOp, LayerState } from '../../../electron/common/edits';
import { channelSliderRange } from '../../../electron/common/head';

export class SliderDrag {
  private active: { pointerId: number; start: LayerState; ops: readonly EditOp[]; value: number; frame: number } | null = null;

  constructor(private readonly name: string) {}

  /** The value under the pointer, across the channel's slider range (0…1, or the head's ±45° / ±50 mm), to 1/1000 of it. */
  private valueAt(e: React.PointerEvent<HTMLElement>): number {
    const r = e.currentTarget.getBoundingClientRect();
    const { min, max } = channelSliderRange(this.name);
    const u = Math.max(0, Math.min(1, (e.clientX - r.left) / Math.max(1, r.width)));
    return Math.round((min + u * (max - min)) * (1000 / (max - min))) / (1000 / (max - min));
  }

  down(e: React.PointerEvent<HTMLElement>): void {
    const model = currentModel();
    if (e.button !== 0 || editorState().phase !== 'ready' || !model) return;
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    this.active = { pointerId: e.pointerId, start: model.layer, ops: [], value: 0, frame: usePlayhead.getState().frame };
    this.move(e);
  }

  move(e: React.PointerEvent<HTMLElement>): void {
    const a = this.active;
    const model = currentModel();
    if (!a || !model || e.pointerId !== a.pointerId) return;
    a.value = this.valueAt(e);
    // From the drag's start each time: the temporary state is rebuilt, never accumulated.
    a.ops = sliderOps(a.start, model, this.name, a.frame, a.value, editorState().keyMode);
    setLive(a.ops);
  }

  up(e: React.PointerEvent<HTMLElement>): void {
    const a = this.active;
    if (!a || e.pointerId !== a.pointerId) return;
    this.active = null;
    void commit(`Set ${this.name} to ${a.value.toFixed(3)} at ${a.frame}`, a.ops);
  }

  cancel(): void {
    if (!this.active) return;
    this.active = null;
    setLive(null);
  }
}
