// Writes values at the playhead straight into DOM nodes (channel list readouts and sliders): at
// playback rate a React render of a hundred rows per frame would cost more than the plate.
// Only rows in view are written (a row scrolled into view is written then), and a readout's text
// is changed in place: at 60 fps, rewriting all 102 rows' text laid out ~400 objects a frame,
// the largest share of the page's own frame time (measured in Chromium).
import { usePlayhead } from '../state/playhead';
import { channelSliderRange, unitSuffix } from '../../../electron/common/head';
import type { CurveModel } from './curve-model';

export interface ValueNodes {
  row: HTMLElement;
  text: HTMLElement;
  bar: HTMLElement;
}

export function formatValue(v: number): string {
  return v.toFixed(3);
}

/** Sets an element's text by editing its one text node (no node replaced, no new layout object). */
function setText(el: HTMLElement, text: string): void {
  const node = el.firstChild;
  if (node && node.nodeType === 3 && !node.nextSibling) {
    if (node.nodeValue !== text) node.nodeValue = text;
  } else {
    el.textContent = text;
  }
}

/** Keeps `nodes` showing each control's final value at the playhead; returns the unsubscribe. */
export function followValues(model: CurveModel, nodes: ReadonlyMap<string, ValueNodes>): () => void {
  let raf = 0;
  // Rows out of view (the channel list's scroll area): none known until the observer says.
  const hidden = new Set<Element>();
  // The observer reports rows; its first report covers all of them at once.
  const byRow = new Map<Element, { name: string; n: ValueNodes }>([...nodes].map(([name, n]) => [n.row, { name, n }]));
  const writeRow = (name: string, n: ValueNodes, frame: number) => {
    const c = model.indexOf(name);
    if (c < 0) return;
    const v = model.finalAt(c, frame);
    const text = formatValue(v);
    if (n.row.dataset.value === text) return;
    setText(n.text, text + unitSuffix(name));
    n.row.dataset.value = text;
    // The bar fills the channel's slider range (a control's 0…1, the head's ±45° / ±50 mm).
    const { min, max } = channelSliderRange(name);
    n.bar.style.transform = `scaleX(${Math.max(0, Math.min(1, (v - min) / (max - min)))})`;
  };
  const write = () => {
    raf = 0;
    const frame = usePlayhead.getState().frame;
    for (const [name, n] of nodes) if (!hidden.has(n.row)) writeRow(name, n, frame);
  };
  const schedule = () => {
    if (raf === 0) raf = requestAnimationFrame(write);
  };
  write();
  const observer =
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver((entries) => {
          const frame = usePlayhead.getState().frame;
          for (const e of entries) {
            if (!e.isIntersecting) {
              hidden.add(e.target);
              continue;
            }
            hidden.delete(e.target);
            const hit = byRow.get(e.target);
            if (hit) writeRow(hit.name, hit.n, frame);
          }
        });
  for (const n of nodes.values()) observer?.observe(n.row);
  const offModel = model.subscribe(schedule);
  const offPlayhead = usePlayhead.subscribe((s, p) => {
    if (s.frame === p.frame) return;
    // Playing, the playhead moves inside the playback loop's animation frame: writing now shows
    // the readouts on the same displayed frame as the plate and the head, not one behind.
    if (!s.playing) return schedule();
    if (raf !== 0) cancelAnimationFrame(raf);
    write();
  });
  return () => {
    cancelAnimationFrame(raf);
    observer?.disconnect();
    offModel();
    offPlayhead();
  };
}
