// Writes values at the playhead straight into DOM nodes (channel list readouts and sliders): at
// playback rate a React render of a hundred rows per frame would cost more than the plate.
import { usePlayhead } from '../state/playhead';
import type { CurveModel } from './curve-model';

export interface ValueNodes {
  row: HTMLElement;
  text: HTMLElement;
  bar: HTMLElement;
}

export function formatValue(v: number): string {
  return v.toFixed(3);
}

/** Keeps `nodes` showing each control's final value at the playhead; returns the unsubscribe. */
export function followValues(model: CurveModel, nodes: ReadonlyMap<string, ValueNodes>): () => void {
  let raf = 0;
  const write = () => {
    raf = 0;
    const frame = usePlayhead.getState().frame;
    for (const [name, n] of nodes) {
      const c = model.indexOf(name);
      if (c < 0) continue;
      const v = model.finalAt(c, frame);
      const text = formatValue(v);
      if (n.text.textContent !== text) {
        n.text.textContent = text;
        n.row.dataset.value = text;
        n.bar.style.transform = `scaleX(${Math.max(0, Math.min(1, v))})`;
      }
    }
  };
  const schedule = () => {
    if (raf === 0) raf = requestAnimationFrame(write);
  };
  write();
  const offModel = model.subscribe(schedule);
  const offPlayhead = usePlayhead.subscribe((s, p) => {
    if (s.frame !== p.frame) schedule();
  });
  return () => {
    cancelAnimationFrame(raf);
    offModel();
    offPlayhead();
  };
}
