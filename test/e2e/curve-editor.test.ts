// End to end through the browser host: a shot solved with the fixture model, cleaned up in the
// curve editor as an animator does it — find the lip corner by search, key it with S, drag the
// key (the head preview's published value follows live, nothing is saved until release), cancel a
// drag with Esc, mirror-paste onto the right side, undo, redo, and reload to see the edit kept;
// then set a key by typing its value, shape it with a tangent handle, put a filter under it, and
// find the key still at its value in the curve, the preview and an export.
// Final values are read back through the API (layer.get) and the page's test hook.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type HostedContext } from '../../electron/api/app-context';
import { dispatch } from '../../electron/api/dispatch';
import { handlers } from '../../electron/api/handlers';
import type { Key } from '../../electron/common/curves/keys';
import { writeTestSequence } from '../../electron/demo/test-pattern';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { GUTTER_W } from '../../renderer/src/curves/graph-layout';
import { tempDir } from '../helpers/temp';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MODEL = 'fixture-pooled';
const FIRST = 1001;
const FRAMES = 48;
const KEY_FRAME = 1020;
const CONTROL = 'mouthCornerPull_L';
const TWIN = 'mouthCornerPull_R';
const TYPED_FRAME = 1030;

let ctx: HostedContext;
let host: BrowserHost;
let browser: Browser;
let page: Page;
let cleanup: () => Promise<void>;
let shotId = 0;
let exportDir = '';
let unsolvedId = 0;
const errors: string[] = [];

async function call<T>(channel: string, args: unknown): Promise<T> {
  const r = await dispatch(handlers, ctx, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.result as T;
}

interface Layer {
  keys: Record<string, Key[]>;
  filters?: Record<string, { kind: string; strength: number }>;
  undoLabel: string | null;
  redoLabel: string | null;
}
const layer = () => call<Layer>('layer.get', { shotId });

/** The page's test hook (installed because the init script sets rigsolve.debugHooks). */
function hook<T>(expr: string): Promise<T> {
  return page.evaluate(`(async () => { const h = window.__rigsolveCurves; return ${expr}; })()`) as Promise<T>;
}
const finalAt = () => hook<number>(`h.finalAt('${CONTROL}')`);
const publishedAt = (c = CONTROL) => hook<number>(`h.publishedAt('${c}')`);
const settled = () => hook<void>('h.settled()');

async function seekTo(frame: number): Promise<void> {
  await page.fill('[data-testid=frame-counter]', String(frame));
  await page.press('[data-testid=frame-counter]', 'Enter');
  await expect.poll(() => page.inputValue('[data-testid=frame-counter]')).toBe(String(frame));
}

/** Where a key is on screen (page px). */
async function keyOnScreen(control: string, frame: number): Promise<{ x: number; y: number }> {
  const graph = (await page.locator('[data-testid=curve-graph]').boundingBox())!;
  let k: { x: number; y: number } | null = null;
  await expect.poll(async () => (k = await hook<{ x: number; y: number } | null>(`h.keyScreen('${control}', ${frame})`)) !== null).toBe(true);
  return { x: graph.x + k!.x, y: graph.y + k!.y };
}

describe.skipIf(!existsSync(CHROMIUM))('curve editor: cleaning up a solve (browser host, Chromium)', () => {
  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = await tempDir('rigsolve-e2e-curves-'));
    const modelsDir = join(dir, 'models');
    await mkdir(modelsDir, { recursive: true });
    for (const ext of ['onnx', 'json']) await copyFile(join(ROOT, 'test', 'fixtures', 'models', `${MODEL}.${ext}`), join(modelsDir, `${MODEL}.${ext}`));
    const rgb = join(dir, 'captures', 'sh200', 'rgb');
    const normal = join(dir, 'captures', 'sh200', 'normal');
    await writeTestSequence({ dir: rgb, first: FIRST, count: FRAMES, width: 96, height: 96 });
    await writeTestSequence({ dir: normal, first: FIRST, count: FRAMES, width: 96, height: 96, kind: 'normal' });
    // The renderer as shipped, built into this test's folder (dist/ may be another build's).
    const rendererDir = join(dir, 'renderer');
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), build: { outDir: rendererDir, emptyOutDir: true }, logLevel: 'warn' });

    exportDir = join(dir, 'exports');
    await mkdir(exportDir, { recursive: true });
    ctx = createAppContext({ host: 'browser', readOnly: false, projectPath: join(dir, 'curves.rigsolve'), userModelsDir: modelsDir });
    shotId = (await call<{ shot: { id: number } }>('capture.import', { shotName: 'sh200', rgbSource: rgb, normalSource: normal, fps: 24 })).shot.id;
    unsolvedId = (await call<{ shot: { id: number } }>('capture.import', { shotName: 'sh210', rgbSource: rgb, fps: 24 })).shot.id;
    await call('solve.start', { shotIds: [shotId], modelPath: join(modelsDir, `${MODEL}.onnx`), device: 'cpu' });
    await ctx.solver.idle();
    host = await startBrowserHost({ projectPath: null, context: ctx, port: 0, host: '127.0.0.1', rendererDir });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    await page.addInitScript("localStorage.setItem('rigsolve.debugHooks', '1')");
    page.on('pageerror', (e) => errors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    ctx?.close();
    await cleanup?.();
  });

  it('says plainly when a shot is not solved yet', async () => {
    await page.goto(`${host.url}#/shot/${unsolvedId}`);
    await page.waitForSelector('[data-testid=curve-editor-unsolved]');
    expect(await page.textContent('[data-testid=curve-editor-unsolved]')).toMatch(/Not solved yet.*rigsolve solve --project .* --shot sh210/s);
    // The plate still plays its part.
    await page.waitForSelector(`[data-testid=plate][data-frame="${FIRST}"]`);
  });

  it('opens the solved shot with its curves, and finds the lip corner by search', async () => {
    await page.goto(`${host.url}#/shot/${shotId}`);
    await page.waitForSelector('[data-testid=curve-editor]');
    await page.fill('[data-testid=channel-search]', 'cornerpull');
    expect(await page.locator('[data-testid=channel]').count()).toBe(4);
    await page.click(`[data-testid=channel][data-name=${CONTROL}]`);
    expect(await page.getAttribute(`[data-testid=channel][data-name=${CONTROL}]`, 'aria-selected')).toBe('true');
    expect(await page.locator('[data-testid=channel][aria-selected=true]').count()).toBe(1);
    // The row reads the final value at the playhead, as the preview does.
    await expect
      .poll(async () => Number(await page.getAttribute(`[data-testid=channel][data-name=${CONTROL}]`, 'data-value')))
      .toBeCloseTo(await publishedAt(), 3);
  });

  let before = 0;
  let dragged = 0;

  it('S sets a key at the playhead that holds the curve where it was', async () => {
    await seekTo(KEY_FRAME);
    before = await finalAt();
    await page.keyboard.press('s');
    await settled();
    const l = await layer();
    // A pose key (the default): it holds the final value there.
    expect(l.keys[CONTROL]).toHaveLength(1);
    expect(l.keys[CONTROL]![0]).toMatchObject({ frame: KEY_FRAME, interp: 'smooth', mode: 'pose' });
    expect(l.keys[CONTROL]![0]!.value).toBeCloseTo(before, 6);
    expect(l.undoLabel).toBe(`Set key on ${CONTROL} at ${KEY_FRAME}`);
    expect(await finalAt()).toBeCloseTo(before, 6);
    expect(await page.getAttribute(`[data-testid=channel][data-name=${CONTROL}]`, 'data-keys')).toBe('1');
  });

  it('dragging the key moves the final curve; the preview follows live; one save on release', async () => {
    const k = await keyOnScreen(CONTROL, KEY_FRAME);
    const version0 = await hook<number>('h.publishedVersion()');
    await page.mouse.move(k.x, k.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(k.x, k.y - i * 6);
    // Mid-drag: the preview's value has moved, the database has not.
    expect(await hook<number>('h.publishedVersion()')).toBeGreaterThan(version0);
    const live = await publishedAt();
    expect(live).toBeGreaterThan(before + 0.02);
    expect((await layer()).keys[CONTROL]![0]!.value).toBeCloseTo(before, 6);
    await page.mouse.up();
    await settled();
    const l = await layer();
    expect(l.keys[CONTROL]).toHaveLength(1);
    expect(l.keys[CONTROL]![0]!.frame).toBe(KEY_FRAME);
    const pose = l.keys[CONTROL]![0]!.value;
    expect(pose).toBeGreaterThan(before + 0.02);
    expect(l.undoLabel).toBe('Move key');
    dragged = await finalAt();
    expect(dragged).toBeCloseTo(pose, 6);
    expect(await publishedAt()).toBeCloseTo(dragged, 6);
    expect(await page.getAttribute('[data-testid=tool-undo]', 'title')).toContain('Move key');
  });

  it('Esc during a drag puts everything back, and saves nothing', async () => {
    const k = await keyOnScreen(CONTROL, KEY_FRAME);
    const saved = (await layer()).keys[CONTROL];
    await page.mouse.move(k.x, k.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(k.x + i * 2, k.y + i * 8);
    expect(await publishedAt()).not.toBeCloseTo(dragged, 4);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await settled();
    expect(await publishedAt()).toBeCloseTo(dragged, 6);
    expect((await layer()).keys[CONTROL]).toEqual(saved);
    expect((await layer()).undoLabel).toBe('Move key');
  });

  it('copy and mirror-paste put the same correction on the right lip corner', async () => {
    const k = await keyOnScreen(CONTROL, KEY_FRAME);
    await page.mouse.click(k.x, k.y);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+Shift+v');
    await settled();
    const l = await layer();
    expect(l.keys[TWIN]).toEqual(l.keys[CONTROL]);
    expect(l.undoLabel).toBe(`Mirror-paste keys at ${KEY_FRAME}`);
    // Undone again so the rest of the test sees one control changed.
    await page.keyboard.press('Control+z');
    await settled();
    expect((await layer()).keys[TWIN]).toBeUndefined();
  });

  it('undo and redo go through the database and redraw', async () => {
    await page.keyboard.press('Control+z');
    await settled();
    let l = await layer();
    expect(l.keys[CONTROL]![0]!.value).toBeCloseTo(before, 6);
    expect(l.redoLabel).toBe('Move key');
    expect(await finalAt()).toBeCloseTo(before, 5);
    expect(await publishedAt()).toBeCloseTo(before, 5);
    await page.keyboard.press('Control+Shift+z');
    await settled();
    l = await layer();
    expect(l.redoLabel).toBe(`Mirror-paste keys at ${KEY_FRAME}`);
    expect(await finalAt()).toBeCloseTo(dragged, 5);
    // Ctrl+Y redoes too: the mirror-paste comes back, and goes again with Ctrl+Z.
    await page.keyboard.press('Control+y');
    await settled();
    l = await layer();
    expect(l.keys[TWIN]).toEqual(l.keys[CONTROL]);
    expect(l.redoLabel).toBeNull();
    await page.keyboard.press('Control+z');
    await settled();
    expect((await layer()).keys[TWIN]).toBeUndefined();
    expect(await finalAt()).toBeCloseTo(dragged, 5);
  });

  it('B flips the preview between the final curves and the raw solve', async () => {
    await page.keyboard.press('b');
    await expect.poll(() => page.getAttribute('[data-testid=preview-raw]', 'aria-pressed')).toBe('true');
    expect(await publishedAt()).toBeCloseTo(before, 5); // no filter on this shot: raw = final without keys
    await page.keyboard.press('b');
    expect(await publishedAt()).toBeCloseTo(dragged, 6);
  });

  it("shows another window's edit as it lands (layer.changed), and undoes it like its own", async () => {
    const version0 = await hook<number>('h.publishedVersion()');
    await call('edits.apply', {
      shotId,
      transaction: { label: 'Key jaw (other window)', ops: [{ op: 'setKeys', control: 'jawOpen', keys: [{ frame: 1030, value: 0.1, interp: 'linear' }] }] },
    });
    await expect.poll(() => hook<Key[]>(`h.keys('jawOpen')`)).toEqual([{ frame: 1030, value: 0.1, interp: 'linear' }]);
    expect(await hook<number>('h.publishedVersion()')).toBeGreaterThan(version0);
    await expect.poll(() => page.getAttribute('[data-testid=tool-undo]', 'title')).toContain('Key jaw (other window)');
    await page.keyboard.press('Control+z');
    await settled();
    expect((await layer()).keys.jawOpen).toBeUndefined();
    expect(await hook<Key[]>(`h.keys('jawOpen')`)).toEqual([]);
  });

  it('keeps the edit across a reload, and looks like a graph editor', async () => {
    await page.reload();
    await page.waitForSelector('[data-testid=curve-editor]');
    await expect.poll(() => hook<number | null>(`h.finalAt('${CONTROL}', ${KEY_FRAME})`)).toBeCloseTo(dragged, 5);
    expect(await hook<Key[]>(`h.keys('${CONTROL}')`)).toEqual((await layer()).keys[CONTROL]);
    // The selection was kept too: the lip corner's curve and key are on screen.
    expect(await page.getAttribute(`[data-testid=channel][data-name=${CONTROL}]`, 'aria-selected')).toBe('true');
    await seekTo(KEY_FRAME);
    await page.keyboard.press('f');
    await keyOnScreen(CONTROL, KEY_FRAME);
    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output', 'e2e-curve-editor.png') });
    expect(errors).toEqual([]);
  });

  it('sets a key by typing its value, and relative entry changes it from its own', async () => {
    await page.fill('[data-testid=channel-search]', 'cornerpull');
    await page.click(`[data-testid=channel][data-name=${TWIN}]`);
    await seekTo(TYPED_FRAME);
    await page.keyboard.press('s');
    await settled();
    await page.waitForSelector('[data-testid=key-section]');
    expect(await page.inputValue('[data-testid=key-frame]')).toBe(String(TYPED_FRAME));
    await page.fill('[data-testid=key-value]', '0.476');
    await page.press('[data-testid=key-value]', 'Enter');
    await settled();
    expect((await layer()).keys[TWIN]).toEqual([{ frame: TYPED_FRAME, value: 0.476, interp: 'smooth', mode: 'pose' }]);
    expect(await hook<number>(`h.finalAt('${TWIN}', ${TYPED_FRAME})`)).toBeCloseTo(0.476, 6);
    await page.fill('[data-testid=key-value]', '+=0.1');
    await page.press('[data-testid=key-value]', 'Enter');
    await settled();
    expect((await layer()).keys[TWIN]![0]!.value).toBeCloseTo(0.576, 9);
    await page.fill('[data-testid=key-value]', '-=0.1');
    await page.press('[data-testid=key-value]', 'Enter');
    await settled();
    expect((await layer()).keys[TWIN]![0]!.value).toBeCloseTo(0.476, 9);
    await expect.poll(() => page.inputValue('[data-testid=key-final]')).toBe('0.4760');
    expect((await layer()).undoLabel).toBe('Key value -=0.1 on 1 key');
  });

  let shapedAfter = 0;

  it('shapes the key with its tangent handle: the curve leaving it bends, the key stays', async () => {
    const graph = (await page.locator('[data-testid=curve-graph]').boundingBox())!;
    let h: { x: number; y: number } | null = null;
    await expect.poll(async () => (h = await hook<{ x: number; y: number } | null>(`h.handleScreen('${TWIN}', ${TYPED_FRAME}, 'out')`)) !== null).toBe(true);
    const x = graph.x + h!.x;
    const y = graph.y + h!.y;
    const after0 = await hook<number>(`h.finalAt('${TWIN}', ${TYPED_FRAME + 3})`);
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(x, y - i * 4);
    await page.mouse.up();
    await settled();
    const k = (await layer()).keys[TWIN]![0]!;
    expect(k).toMatchObject({ frame: TYPED_FRAME, value: 0.476, inTangent: 'fixed', outTangent: 'fixed' });
    expect(k.outSlope).toBeGreaterThan(0);
    expect(k.inSlope).toBe(k.outSlope); // unified: both sides turn
    expect((await layer()).undoLabel).toBe(`Shape out tangent of ${TWIN} at ${TYPED_FRAME}`);
    expect(await hook<number>(`h.finalAt('${TWIN}', ${TYPED_FRAME})`)).toBeCloseTo(0.476, 6);
    shapedAfter = await hook<number>(`h.finalAt('${TWIN}', ${TYPED_FRAME + 3})`);
    expect(shapedAfter).toBeGreaterThan(after0 + 0.005);
    expect(await page.inputValue('[data-testid=tangent-out]')).toBe('fixed');
    // F frames the selected key (the key field gave the keyboard back on Enter).
    const view0 = await hook<number>(`h.keyScreen('${TWIN}', ${TYPED_FRAME})?.x ?? 0`);
    await page.keyboard.press('f');
    await expect.poll(() => hook<number>(`h.keyScreen('${TWIN}', ${TYPED_FRAME})?.x ?? 0`)).not.toBe(view0);
    expect(await page.inputValue('[data-testid=key-value]')).toBe('0.4760');
    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output', 'e2e-curve-key-tangents.png') });
  });

  it('a filter applied afterwards leaves every pose key at its value; curve, preview and export agree', async () => {
    await page.selectOption('[data-testid=filter-kind]', 'gaussian');
    await settled();
    const l = await layer();
    expect(Object.values(l.filters ?? {}).some((f) => f.kind === 'gaussian' && f.strength > 0)).toBe(true);
    expect(await hook<number>(`h.finalAt('${TWIN}', ${TYPED_FRAME})`)).toBeCloseTo(0.476, 6);
    expect(await hook<number>(`h.finalAt('${CONTROL}', ${KEY_FRAME})`)).toBeCloseTo(dragged, 6);
    // The filter did change the curve away from the keys.
    expect(Math.abs((await hook<number>(`h.finalAt('${TWIN}', ${TYPED_FRAME + 3})`)) - shapedAfter)).toBeGreaterThan(1e-4);
    await seekTo(TYPED_FRAME);
    expect(await publishedAt(TWIN)).toBeCloseTo(0.476, 6);
    const out = join(exportDir, 'sh200.csv');
    await call('export.shot', { shotId, format: 'csv', out });
    const [head, ...rows] = (await readFile(out, 'utf8')).trim().split('\n');
    const col = head!.split(',').indexOf(TWIN);
    const editor = await hook<number[]>(`Array.from({ length: ${FRAMES} }, (_, i) => h.finalAt('${TWIN}', ${FIRST} + i))`);
    for (const row of rows) {
      const cells = row.split(',').map(Number);
      expect(Math.abs(cells[col]! - editor[cells[0]! - FIRST]!)).toBeLessThanOrEqual(1e-6);
      if (cells[0] === TYPED_FRAME) expect(cells[col]).toBe(0.476);
    }
    expect(rows).toHaveLength(FRAMES);
    expect(errors).toEqual([]);
  });

  it('Frame All (A) and Frame Selected (F) fit both axes, with a margin', async () => {
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    // Every curve drawn for the shown control (final, raw, filtered) over the plot, and its extremes near the edges.
    const fit = async (from: number, to: number) =>
      hook<{ x0: number; x1: number; y0: number; y1: number; w: number; h: number }>(`(() => {
        const v = h.view();
        const ys = [];
        for (let f = ${from}; f <= ${to}; f++) for (const kind of ['final', 'raw', 'filtered']) ys.push(h.curveAt('${TWIN}', f, kind));
        const y = (val) => -val * v.pxPerValue - v.scrollY;
        const x = (f) => f * v.pxPerFrame - v.scrollX;
        return { x0: x(${from}), x1: x(${to}), y0: Math.min(...ys.map(y)), y1: Math.max(...ys.map(y)), w: v.width, h: v.height };
      })()`);
    const graphBox = (await page.locator('[data-testid=curve-graph]').boundingBox())!;
    const tl = page.locator('[data-testid=timeline]');
    const pad = Number(await tl.getAttribute('data-pad'));
    await page.keyboard.press('a');
    // The shot's frames at their cells' centres, as the timeline lays them: half a cell plus its pad from either end.
    const halfCell = (graphBox.width - GUTTER_W - 2 * pad) / FRAMES / 2;
    await expect.poll(async () => (await fit(FIRST, FIRST + FRAMES - 1)).x0).toBeCloseTo(pad + halfCell, 0);
    const all = await fit(FIRST, FIRST + FRAMES - 1);
    expect(all.x1).toBeCloseTo(all.w - pad - halfCell, 0);
    expect(all.y0).toBeCloseTo(20, 0);
    expect(all.y1).toBeCloseTo(all.h - 20, 0);
    // One time axis: the timeline sits under the plot and lays frames on the same pixels.
    const box = (await tl.boundingBox())!;
    const cell = (box.width - 2 * pad) / FRAMES;
    for (const f of [FIRST, TYPED_FRAME, FIRST + FRAMES - 1]) {
      const onGraph = (await hook<number>(`h.view().pxPerFrame * ${f} - h.view().scrollX`)) + graphBox.x + GUTTER_W;
      expect(Math.abs(box.x + pad + (f - FIRST + 0.5) * cell - onGraph)).toBeLessThan(0.75);
    }
    const k = await keyOnScreen(TWIN, TYPED_FRAME);
    await page.mouse.click(k.x, k.y);
    await page.keyboard.press('f');
    // One key: 4 frames either side, widened to the view's least span (10 frames); the values are the curve's over the 4.
    await expect.poll(async () => (await fit(TYPED_FRAME - 5, TYPED_FRAME + 5)).x0).toBeCloseTo(24, 0);
    const sel = await fit(TYPED_FRAME - 4, TYPED_FRAME + 4);
    expect(sel.y0).toBeCloseTo(20, 0);
    expect(sel.y1).toBeCloseTo(sel.h - 20, 0);
  });

  it('Ctrl+A selects every key shown; Up and Alt+Right nudge them, one undo step each', async () => {
    await page.mouse.click(10, 10); // nothing focused, no key selected
    await page.keyboard.press('Control+a');
    await expect.poll(() => page.inputValue('[data-testid=key-frame]')).toBe(String(TYPED_FRAME));
    await page.keyboard.press('ArrowUp');
    await settled();
    expect((await layer()).keys[TWIN]![0]!.value).toBeCloseTo(0.486, 9);
    await page.keyboard.press('Alt+ArrowRight');
    await settled();
    const l = await layer();
    expect(l.keys[TWIN]!.map((k) => k.frame)).toEqual([TYPED_FRAME + 1]);
    expect(l.undoLabel).toBe('Nudge 1 key +1 f');
    expect(await page.inputValue('[data-testid=frame-counter]')).toBe(String(TYPED_FRAME)); // the playhead stayed
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await settled();
    expect((await layer()).keys[TWIN]).toMatchObject([{ frame: TYPED_FRAME, value: 0.476 }]);
    expect(errors).toEqual([]);
  });

  it('the buffer curve keeps the curves before a change, drawn dashed, and swaps them back and forth', async () => {
    await page.click('[data-testid=tool-buffer]');
    await expect.poll(() => page.isEnabled('[data-testid=tool-buffer-swap]')).toBe(true);
    await page.keyboard.press('Control+a');
    await page.fill('[data-testid=key-value]', '0.3');
    await page.press('[data-testid=key-value]', 'Enter');
    await settled();
    expect(await hook<number>(`h.finalAt('${TWIN}', ${TYPED_FRAME})`)).toBeCloseTo(0.3, 6);
    await page.keyboard.press('a');
    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output', 'e2e-curve-buffer.png') });
    await page.click('[data-testid=tool-buffer-swap]');
    await settled();
    expect(await hook<number>(`h.finalAt('${TWIN}', ${TYPED_FRAME})`)).toBeCloseTo(0.476, 6);
    expect((await layer()).undoLabel).toBe('Swap buffer curves');
    await page.click('[data-testid=tool-buffer-swap]');
    await settled();
    expect(await hook<number>(`h.finalAt('${TWIN}', ${TYPED_FRAME})`)).toBeCloseTo(0.3, 6);
    // A swap is an edit like any other: undo puts the kept curves back.
    await page.keyboard.press('Control+z');
    await settled();
    expect(await hook<number>(`h.finalAt('${TWIN}', ${TYPED_FRAME})`)).toBeCloseTo(0.476, 6);
    await page.click('[data-testid=tool-buffer-clear]');
    expect(await page.isEnabled('[data-testid=tool-buffer-swap]')).toBe(false);
    expect(errors).toEqual([]);
  });
});
