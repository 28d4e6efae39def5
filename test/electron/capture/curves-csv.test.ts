// Reading a curves CSV: an empty cell is a control at rest, text that is not a number is an error
// (read as 0 it made a broken file import as a plausible take).
import { describe, expect, it } from 'vitest';
import { parseCurvesCsv } from '../../../electron/capture/curves-csv';

describe('parseCurvesCsv', () => {
  it('reads frames and values, empty and missing cells as 0', () => {
    const t = parseCurvesCsv('frame,jawOpen,eyeBlink_L\n1,0.5,\n2,0.25\n');
    expect(t.columns).toEqual(['jawOpen', 'eyeBlink_L']);
    expect(t.frames).toEqual([1, 2]);
    expect(Array.from(t.values)).toEqual([0.5, 0, 0.25, 0]);
  });

  it('reads a column of text (a Live Link Face timecode) as no curve', () => {
    const t = parseCurvesCsv('Timecode,BlendShapeCount,JawOpen\n12:00:00:01.000,61,0.5\n12:00:00:02.000,61,0.75\n');
    expect(t.columns).toEqual(['Timecode', 'BlendShapeCount', 'JawOpen']);
    expect(Array.from(t.values)).toEqual([0, 61, 0.5, 0, 61, 0.75]);
  });

  it('refuses a cell that is not a number, naming its row and column', () => {
    expect(() => parseCurvesCsv('frame,jawOpen,eyeBlink_L\n1,0.5,0\n2,abc,0\n')).toThrow(/row 3, column jawOpen: 'abc' is not a number/);
    expect(() => parseCurvesCsv('frame,jawOpen\n1,0.2\n2,NaN\n')).toThrow(/not a number/);
  });
});
