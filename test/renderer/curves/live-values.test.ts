// The channel list's value readouts: each shows its control's final value at the playhead; rows
// out of view are not written while the playhead moves, and are brought up to date when they
// scroll into view.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CurveModel } from '../../../renderer/src/curves/curve-model';
import { followValues, formatValue, type ValueNodes } from '../../../renderer/src/curves/live-values';
import { seek, usePlayhead } from '../../../renderer/src/state/playhead';
import { EMPTY, FIRST, makeTake, N } from './fixtures';

type Entry = { target: object; isIntersecting: boolean };
let observers: { cb: (e: Entry[]) => void; targets: object[] }[] = [];
let frames: (() => void)[] = [];

function fakeNodes(names: readonly string[]): Map<string, ValueNodes> {
  const textNode = () => ({ nodeType: 3, nodeValue: '', nextSibling: null });
  return new Map(
    names.map((name) => {
      const node = textNode();
      const text = {
        firstChild: node,
        get textContent() {
          return node.nodeValue;
        },
        set textContent(v: string) {
          node.nodeValue = v;
        },
      };
      return [name, { row: { dataset: {} }, text, bar: { style: {} } } as unknown as ValueNodes];
    }),
  );
}

const shown = (n: ValueNodes) => (n.text.firstChild as unknown as { nodeValue: string }).nodeValue;
const runFrames = () => frames.splice(0).forEach((f) => f());

beforeEach(() => {
  observers = [];
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      private readonly o: { cb: (e: Entry[]) => void; targets: object[] };
      constructor(cb: (e: Entry[]) => void) {
        this.o = { cb, targets: [] };
        observers.push(this.o);
      }
      observe(t: object) {
        this.o.targets.push(t);
      }
      disconnect() {
        this.o.targets = [];
      }
    },
  );
  usePlayhead.setState({ frame: FIRST, first: FIRST, last: FIRST + N - 1 });
});
afterEach(() => vi.unstubAllGlobals());

describe('followValues', () => {
  it('writes every row at once and the rows in view as the playhead moves', () => {
    const take = makeTake();
    const model = new CurveModel(take, EMPTY);
    const names = take.channels.map((c) => c.name);
    const nodes = fakeNodes(names);
    const stop = followValues(model, nodes);
    const at = (name: string, frame: number) => formatValue(model.finalAt(model.indexOf(name), frame));
    for (const name of names) expect(shown(nodes.get(name)!)).toBe(at(name, FIRST));
    expect(nodes.get('jawOpen')!.row.dataset.value).toBe(at('jawOpen', FIRST));

    // browDown_L scrolls out of view; the playhead moves.
    const out = nodes.get('browDown_L')!;
    observers[0]!.cb([{ target: out.row, isIntersecting: false }]);
    seek(FIRST + 40);
    runFrames();
    expect(shown(nodes.get('jawOpen')!)).toBe(at('jawOpen', FIRST + 40));
    expect(nodes.get('jawOpen')!.bar.style.transform).toMatch(/^scaleX\(/);
    expect(shown(out)).toBe(at('browDown_L', FIRST));
    expect(at('browDown_L', FIRST)).not.toBe(at('browDown_L', FIRST + 40));

    // Back in view: written at once, at the current frame.
    observers[0]!.cb([{ target: out.row, isIntersecting: true }]);
    expect(shown(out)).toBe(at('browDown_L', FIRST + 40));

    // Playing: written as the playhead moves (the same animation frame as the plate and head).
    usePlayhead.setState({ playing: true });
    usePlayhead.setState({ frame: FIRST + 41 });
    expect(shown(nodes.get('jawOpen')!)).toBe(at('jawOpen', FIRST + 41));
    stop();
  });
});
