import { describe, expect, it } from 'vitest';
import { clickSelect, EMPTY_SELECTION, pruneSelection, selectedInOrder } from '../../../renderer/src/state/shot-selection';

const order = [10, 11, 12, 13, 14];
const plain = { shift: false, toggle: false };
const ctrl = { shift: false, toggle: true };
const shift = { shift: true, toggle: false };

describe('row selection', () => {
  it('click selects one, Ctrl toggles, Shift takes the run from the anchor', () => {
    let s = clickSelect(EMPTY_SELECTION, order, 11, plain);
    expect(s).toEqual({ ids: [11], anchor: 11 });
    s = clickSelect(s, order, 13, shift);
    expect(selectedInOrder(s, order)).toEqual([11, 12, 13]);
    s = clickSelect(s, order, 10, shift); // the anchor stays at 11
    expect(selectedInOrder(s, order)).toEqual([10, 11]);
    s = clickSelect(s, order, 14, ctrl);
    expect(selectedInOrder(s, order)).toEqual([10, 11, 14]);
    s = clickSelect(s, order, 10, ctrl);
    expect(selectedInOrder(s, order)).toEqual([11, 14]);
    expect(s.anchor).toBe(10);
  });

  it('Ctrl+Shift adds a run to what is selected', () => {
    let s = clickSelect(EMPTY_SELECTION, order, 10, plain);
    s = clickSelect(s, order, 12, ctrl);
    s = clickSelect(s, order, 14, { shift: true, toggle: true });
    expect(selectedInOrder(s, order)).toEqual([10, 12, 13, 14]);
  });

  it('Shift without an anchor selects just the row', () => {
    expect(clickSelect(EMPTY_SELECTION, order, 12, shift)).toEqual({ ids: [12], anchor: 12 });
  });

  it('prunes rows that went away', () => {
    const s = { ids: [10, 12, 14], anchor: 14 };
    expect(pruneSelection(s, [10, 11, 12])).toEqual({ ids: [10, 12], anchor: 12 });
    expect(pruneSelection(s, order)).toBe(s);
  });
});
