// End to end through two browser hosts on one project: a supervisor on a read-only review host
// opens a shot (review mode), marks a frame range, writes a note, and marks the shot "needs
// fixes"; the animator's page (an ordinary host) shows the note on its timeline as it lands,
// jumps to it with N, and resolves it, which the supervisor sees in turn.
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type HostedContext } from '../../electron/api/app-context';
import { dispatch } from '../../electron/api/dispatch';
import { handlers } from '../../electron/api/handlers';
import { writeTestSequence } from '../../electron/demo/test-pattern';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { tempDir } from '../helpers/temp';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MODEL = 'fixture-pooled';

let ctx: HostedContext;
let animatorHost: BrowserHost;
let reviewHost: BrowserHost;
let browser: Browser;
let supervisor: Page;
let animator: Page;
let cleanup: () => Promise<void>;
let shotId = 0;

async function call<T>(channel: string, args: unknown): Promise<T> {
  const r = await dispatch(handlers, ctx, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.result as T;
}

async function timelineX(p: Page, frame: number): Promise<{ x: number; y: number }> {
  const tl = p.locator('[data-testid=timeline]');
  const box = (await tl.boundingBox())!;
  const [first, last, pad] = await Promise.all(['data-first', 'data-last', 'data-pad'].map(async (a) => Number(await tl.getAttribute(a))));
  const cell = (box.width - 2 * pad!) / (last! - first! + 1);
  return { x: box.x + pad! + (frame - first! + 0.5) * cell, y: box.y + box.height - 6 };
}

async function seekTo(p: Page, frame: number): Promise<void> {
  const { x, y } = await timelineX(p, frame);
  await p.mouse.click(x, y);
  await expect.poll(() => p.inputValue('[data-testid=frame-counter]')).toBe(String(frame));
}

describe.skipIf(!existsSync(CHROMIUM))('review: read-only supervisor and animator (browser hosts, Chromium)', () => {
  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = await tempDir('rigsolve-e2e-review-'));
    const modelsDir = join(dir, 'models');
    await mkdir(modelsDir, { recursive: true });
    for (const ext of ['onnx', 'json']) await copyFile(join(ROOT, 'test', 'fixtures', 'models', `${MODEL}.${ext}`), join(modelsDir, `${MODEL}.${ext}`));
    const rgb = join(dir, 'captures', 'sh100', 'rgb');
    await writeTestSequence({ dir: rgb, first: 1, count: 60, width: 256, height: 256 });
    const rendererDir = join(dir, 'renderer');
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), build: { outDir: rendererDir, emptyOutDir: true }, logLevel: 'warn' });

    // One project, two hosts: the animator's, and `serve --review` for the supervisor (read-only),
    // sharing the open project so each sees the other's changes as events.
    ctx = createAppContext({ host: 'browser', readOnly: false, projectPath: join(dir, 'review.rigsolve'), userModelsDir: modelsDir });
    shotId = (await call<{ shot: { id: number } }>('capture.import', { shotName: 'sh100', rgbSource: rgb, fps: 24 })).shot.id;
    // Two takes that differ (another crop), for the take comparison.
    await call('solve.start', { shotIds: [shotId], modelPath: join(modelsDir, `${MODEL}.onnx`), device: 'cpu' });
    await ctx.solver.idle();
    await call('shot.setCrop', { shotId, crop: { x: 40, y: 60, size: 160 } });
    await call('solve.start', { shotIds: [shotId], modelPath: join(modelsDir, `${MODEL}.onnx`), device: 'cpu' });
    await ctx.solver.idle();
    await call('shot.setStatus', { shotId, status: 'review', by: 'Tom Ito' });
    animatorHost = await startBrowserHost({ projectPath: null, context: ctx, port: 0, host: '127.0.0.1', rendererDir });
    reviewHost = await startBrowserHost({ projectPath: null, context: { ...ctx, readOnly: true }, port: 0, host: '127.0.0.1', rendererDir });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    supervisor = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
    // A context of its own: the two hosts' token cookies must not meet.
    animator = await (await browser.newContext({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 })).newPage();
    await animator.addInitScript(`localStorage.setItem('rigsolve.userName', 'Tom Ito')`);
  });

  afterAll(async () => {
    await browser?.close();
    await reviewHost?.close();
    await animatorHost?.close();
    ctx?.close();
    await cleanup?.();
  });

  it('the animator has the shot open', async () => {
    await animator.goto(`${animatorHost.url}#/shot/${shotId}`);
    await animator.waitForSelector('[data-testid=plate][data-frame="1"]');
    expect(await animator.isVisible('[data-testid=review-layout]')).toBe(false);
    expect(await animator.locator('[data-testid=timeline-note]').count()).toBe(0);
  });

  it('the supervisor reviews read-only: review mode, no editing', async () => {
    const errors: string[] = [];
    supervisor.on('pageerror', (e) => errors.push(e.message));
    await supervisor.goto(`${reviewHost.url}#/shot/${shotId}`);
    await supervisor.waitForSelector('[data-testid=review-layout]');
    await supervisor.waitForSelector('[data-testid=plate][data-frame="1"]');
    for (const editing of ['solve-button', 'export-button', 'import-button']) expect(await supervisor.isVisible(`[data-testid=${editing}]`)).toBe(false);
    await supervisor.keyboard.press('c');
    await supervisor.waitForSelector('[data-testid=crop-overlay]');
    expect(await supervisor.locator('[data-testid=crop-handle-se]').count()).toBe(0);
    await supervisor.keyboard.press('c');
    expect(errors).toEqual([]);
  });

  it('marks a range with I / O and with Shift+drag', async () => {
    await seekTo(supervisor, 12);
    await supervisor.keyboard.press('i');
    await seekTo(supervisor, 18);
    await supervisor.keyboard.press('o');
    expect(await supervisor.textContent('[data-testid=note-range]')).toBe('Frames 12–18');
    await supervisor.keyboard.press('Escape'); // clears the marks, stays on the shot
    expect(await supervisor.textContent('[data-testid=note-range]')).toBe('Frame 18');
    expect(await supervisor.isVisible('[data-testid=review-layout]')).toBe(true);

    const a = await timelineX(supervisor, 20);
    const b = await timelineX(supervisor, 32);
    await supervisor.keyboard.down('Shift');
    await supervisor.mouse.move(a.x, a.y);
    await supervisor.mouse.down();
    await supervisor.mouse.move(b.x, b.y, { steps: 5 });
    await supervisor.mouse.up();
    await supervisor.keyboard.up('Shift');
    expect(await supervisor.textContent('[data-testid=note-range]')).toBe('Frames 20–32');
    expect(await supervisor.isVisible('[data-testid=timeline-marks]')).toBe(true);
  });

  it('writes a note on the range, signed with the name asked for once', async () => {
    await supervisor.keyboard.press('m');
    await expect.poll(() => supervisor.evaluate(`document.activeElement?.getAttribute('data-testid')`)).toBe('note-text');
    await supervisor.keyboard.type('Lip seal on the M is lost; jaw opens early.');
    await supervisor.keyboard.press('Enter');
    await supervisor.waitForSelector('[data-testid=user-dialog]');
    await supervisor.fill('[data-testid=user-name-input]', 'Maya Chen');
    await supervisor.click('[data-testid=user-save]');
    const note = supervisor.locator('[data-testid=note-item]');
    await note.waitFor();
    expect(await note.textContent()).toContain('Maya Chen');
    expect(await note.textContent()).toContain('20–32');
    await supervisor.waitForSelector('[data-testid=timeline-note][data-resolved=false]');
  });

  it('marks the shot "needs fixes" with a note', async () => {
    await supervisor.click('[data-testid=review-needs-fixes]');
    await supervisor.fill('[data-testid=needs-fixes-note]', 'Fix the lip seal before approval.');
    await supervisor.click('[data-testid=needs-fixes-submit]');
    await supervisor.waitForSelector('[data-testid=status-menu][data-status=needsFixes]');
    expect(await supervisor.textContent('[data-testid=review-byline]')).toContain('Maya Chen');
    await expect.poll(() => supervisor.locator('[data-testid=note-item]').count()).toBe(2);
    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    await supervisor.screenshot({ path: join(ROOT, 'test-output', 'e2e-review-supervisor.png') });
  });

  it("the animator's timeline shows the notes as they land; N jumps to them; resolving shows to the supervisor", async () => {
    await animator.waitForSelector('[data-testid=status-menu][data-status=needsFixes]');
    await expect.poll(() => animator.locator('[data-testid=timeline-note]').count()).toBe(2);
    // The whole-shot "needs fixes" note starts at frame 1; the range note at 20.
    await seekTo(animator, 5);
    await animator.keyboard.press('n');
    await expect.poll(() => animator.inputValue('[data-testid=frame-counter]')).toBe('20');
    await animator.keyboard.press('Shift+N');
    await expect.poll(() => animator.inputValue('[data-testid=frame-counter]')).toBe('1');

    await animator.click('[role=tab]:has-text("Notes")');
    const rangeNote = animator.locator('[data-testid=note-item]', { hasText: 'Lip seal on the M' });
    await rangeNote.locator('[data-testid=note-resolve]').click();
    await animator.waitForSelector('[data-testid=timeline-note][data-resolved=true]');
    await animator.screenshot({ path: join(ROOT, 'test-output', 'e2e-review-animator.png') });
    await supervisor.waitForSelector('[data-testid=note-item][data-resolved=true]');
  });

  it('compares the two takes per control, largest difference first', async () => {
    await animator.click('[role=tab]:has-text("Takes")');
    expect(await animator.locator('[data-testid=take-row]').count()).toBe(2);
    await animator.click('[data-testid=compare-run]');
    const rows = animator.locator('[data-testid=compare-table] [data-testid=compare-row]');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(10);
    const maxOf = async (i: number) => Number(await rows.nth(i).locator('td').nth(2).textContent());
    expect(await maxOf(0)).toBeGreaterThan(0);
    expect(await maxOf(0)).toBeGreaterThanOrEqual(await maxOf(5));
    await animator.check('[data-testid=compare-on-head]');
    expect(await animator.isChecked('[data-testid=compare-on-head]')).toBe(true);
    await animator.waitForTimeout(500);
    await animator.screenshot({ path: join(ROOT, 'test-output', 'e2e-review-compare.png') });
  });

  it('the browser counts and filters shots by status', async () => {
    await animator.keyboard.press('Escape'); // clears the marks the note jump set
    await animator.keyboard.press('Escape'); // back to the shots
    await animator.waitForSelector('[data-testid=status-filter]');
    expect(await animator.textContent('[data-testid=status-count-needsFixes]')).toBe('1');
    await animator.click('[data-testid=status-chip-approved]');
    expect(await animator.locator('[data-testid=shot-row]').count()).toBe(0);
    await animator.click('[data-testid=status-chip-needsFixes]');
    expect(await animator.locator('[data-testid=shot-row]').count()).toBe(1);
    expect(await animator.textContent('[data-testid=shot-row] [data-testid=status-byline]')).toContain('Maya Chen');
  });
});
