// Drawn notes through the API: the drawing is stored with the note and read back, checked against
// its schema (a colour off the palette, a point far off the view, too many points are refused
// before anything is written), shown only on the note's frames while it is open.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type HostedContext } from '../../../electron/api/app-context';
import { dispatch } from '../../../electron/api/dispatch';
import { handlers } from '../../../electron/api/handlers';
import type { Note } from '../../../electron/common/api/schemas';
import { drawingsOnFrame, MAX_POINTS, strokeAt, type NoteDrawing } from '../../../electron/common/review/drawing';
import { writeTestSequence } from '../../../electron/demo/test-pattern';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let ctx: HostedContext;
let shotId = 0;

const drawing: NoteDrawing = {
  target: 'head',
  strokes: [
    {
      kind: 'pen',
      color: '#ff3b30',
      width: 0.006,
      points: [
        [0.2, 0.2],
        [0.3, 0.25],
        [0.4, 0.3],
      ],
    },
    {
      kind: 'arrow',
      color: '#ffcc00',
      width: 0.006,
      points: [
        [0.8, 0.1],
        [0.5, 0.5],
      ],
    },
  ],
};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 20, width: 32, height: 32 });
  ctx = createAppContext({ host: 'browser', readOnly: true, projectPath: join(dir, 'p.rigsolve') });
  const r = await dispatch(handlers, { ...ctx, readOnly: false }, 'capture.import', { shotName: 'sh', rgbSource: join(dir, 'rgb') });
  shotId = r.ok ? (r.result as { shot: { id: number } }).shot.id : 0;
});
afterAll(async () => {
  ctx.close();
  await cleanup();
});

describe('drawn notes', () => {
  it('a reviewer adds a note with a drawing, and it reads back as drawn', async () => {
    const r = await dispatch(handlers, ctx, 'notes.add', { shotId, frameStart: 5, frameEnd: 8, text: 'here', author: 'Maya', drawing });
    expect(r.ok).toBe(true);
    const notes = r.ok ? (r.result as Note[]) : [];
    expect(notes[0]!.drawing).toEqual(drawing);
    const plain = await dispatch(handlers, ctx, 'notes.add', { shotId, frameStart: 1, frameEnd: 20, text: 'overall', author: 'Maya' });
    expect(plain.ok && (plain.result as Note[]).find((n) => n.text === 'overall')!.drawing).toBeNull();
  });

  it('refuses a drawing that is not one, writing nothing', async () => {
    const bad: unknown[] = [
      { ...drawing, strokes: [{ ...drawing.strokes[0]!, color: 'red' }] },
      { ...drawing, strokes: [{ ...drawing.strokes[0]!, points: [[4, 0]] }] },
      { ...drawing, strokes: [{ ...drawing.strokes[0]!, points: Array.from({ length: MAX_POINTS + 1 }, () => [0.5, 0.5]) }] },
      { target: 'timeline', strokes: drawing.strokes },
      { target: 'plate', strokes: [] },
    ];
    for (const d of bad) {
      const r = await dispatch(handlers, ctx, 'notes.add', { shotId, frameStart: 5, frameEnd: 8, text: 'x', author: 'Maya', drawing: d as NoteDrawing });
      expect(r.ok ? null : r.error.code).toBe('invalidArgs');
    }
    const list = await dispatch(handlers, ctx, 'notes.list', { shotId });
    expect(list.ok && (list.result as Note[]).length).toBe(2);
  });

  it('shows on the note frames while the note is open', async () => {
    const list = await dispatch(handlers, ctx, 'notes.list', { shotId });
    const notes = list.ok ? (list.result as Note[]) : [];
    expect(drawingsOnFrame(notes, 6).map((n) => n.text)).toEqual(['here']);
    expect(drawingsOnFrame(notes, 6, 'plate')).toEqual([]);
    expect(drawingsOnFrame(notes, 9)).toEqual([]);
    const drawn = notes.find((n) => n.text === 'here')!;
    const r = await dispatch(handlers, ctx, 'notes.resolve', { noteId: drawn.id, resolved: true, by: 'Tom' });
    expect(drawingsOnFrame(r.ok ? (r.result as Note[]) : [], 6)).toEqual([]);
  });

  it('the eraser finds the topmost stroke under the pointer', () => {
    expect(strokeAt(drawing.strokes, [0.3, 0.26], 0.02)).toBe(0);
    expect(strokeAt(drawing.strokes, [0.65, 0.3], 0.02)).toBe(1);
    expect(strokeAt(drawing.strokes, [0.9, 0.9], 0.02)).toBe(-1);
  });
});
