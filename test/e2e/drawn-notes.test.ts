// Drawn notes end to end, through two browser hosts on one project: the supervisor, on a
// read-only review host, draws on the plate in review mode (pen, a second colour, the eraser,
// undo) and adds the drawing with a note on a frame range; the animator sees it over the plate on
// those frames only, and resolving the note takes it away for both.
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
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

let ctx: HostedContext;
let animatorHost: BrowserHost;
let reviewHost: BrowserHost;
let browser: Browser;
let supervisor: Page;
let animator: Page;
let cleanup: () => Promise<void>;
let shotId = 0;
let dir = '';

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

/** A drag across the plate layer, from and to fractions of its box. */
async function drag(p: Page, from: [number, number], to: [number, number]): Promise<void> {
  const box = (await p.locator('[data-testid=drawing-layer-plate]').boundingBox())!;
  await p.mouse.move(box.x + from[0] * box.width, box.y + from[1] * box.height);
  await p.mouse.down();
  await p.mouse.move(box.x + ((from[0] + to[0]) / 2) * box.width, box.y + ((from[1] + to[1]) / 2) * box.height, { steps: 4 });
  await p.mouse.move(box.x + to[0] * box.width, box.y + to[1] * box.height, { steps: 4 });
  await p.mouse.up();
}

const drawn = (p: Page) => p.locator('[data-testid=drawing-layer-plate]').getAttribute('data-drawn');

describe.skipIf(!existsSync(CHROMIUM))('drawn notes: the supervisor draws, the animator sees, resolving hides (browser hosts, Chromium)', () => {
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('rigsolve-e2e-drawn-'));
    const rgb = join(dir, 'captures', 'sh200', 'rgb');
    await writeTestSequence({ dir: rgb, first: 1, count: 40, width: 320, height: 240 });
    const rendererDir = join(dir, 'renderer');
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), build: { outDir: rendererDir, emptyOutDir: true }, logLevel: 'warn' });
    ctx = createAppContext({ host: 'browser', readOnly: false, projectPath: join(dir, 'drawn.rigsolve') });
    const r = await dispatch(handlers, ctx, 'capture.import', { shotName: 'sh200', rgbSource: rgb, fps: 24 });
    if (!r.ok) throw new Error(r.error.message);
    shotId = (r.result as { shot: { id: number } }).shot.id;
    animatorHost = await startBrowserHost({ projectPath: null, context: ctx, port: 0, host: '127.0.0.1', rendererDir });
    reviewHost = await startBrowserHost({ projectPath: null, context: { ...ctx, readOnly: true }, port: 0, host: '127.0.0.1', rendererDir });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    supervisor = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
    await supervisor.addInitScript(`localStorage.setItem('rigsolve.userName', 'Maya Chen')`);
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

  it('the supervisor draws on the plate in review mode: pen, colour, eraser, undo', async () => {
    const errors: string[] = [];
    supervisor.on('pageerror', (e) => errors.push(e.message));
    await supervisor.goto(`${reviewHost.url}#/shot/${shotId}`);
    await supervisor.waitForSelector('[data-testid=review-layout]');
    await supervisor.waitForSelector('[data-testid=plate][data-frame="1"]');
    await seekTo(supervisor, 10);
    await supervisor.keyboard.press('i');
    await seekTo(supervisor, 20);
    await supervisor.keyboard.press('o');

    await supervisor.click('[data-testid=draw-toggle]');
    await drag(supervisor, [0.3, 0.3], [0.6, 0.55]);
    await supervisor.click('[data-testid=draw-color-yellow]');
    await supervisor.click('[data-testid=draw-tool-arrow]');
    await drag(supervisor, [0.75, 0.2], [0.55, 0.45]);
    await expect.poll(() => supervisor.locator('[data-testid=draft-stroke]').count()).toBe(2);
    // a third stroke, erased, then the erase undone and done again
    await supervisor.click('[data-testid=draw-tool-pen]');
    await drag(supervisor, [0.2, 0.8], [0.4, 0.8]);
    await expect.poll(() => supervisor.locator('[data-testid=draft-stroke]').count()).toBe(3);
    await supervisor.click('[data-testid=draw-tool-erase]');
    const box = (await supervisor.locator('[data-testid=drawing-layer-plate]').boundingBox())!;
    await supervisor.mouse.click(box.x + 0.3 * box.width, box.y + 0.8 * box.height);
    await expect.poll(() => supervisor.locator('[data-testid=draft-stroke]').count()).toBe(2);
    await supervisor.click('[data-testid=draw-undo]');
    await expect.poll(() => supervisor.locator('[data-testid=draft-stroke]').count()).toBe(3);
    await supervisor.mouse.click(box.x + 0.3 * box.width, box.y + 0.8 * box.height);
    await expect.poll(() => supervisor.locator('[data-testid=draft-stroke]').count()).toBe(2);
    expect(await supervisor.textContent('[data-testid=draw-count]')).toBe('2 on the plate');
    expect(errors).toEqual([]);
  });

  it('adds the drawing with a note on the marked range', async () => {
    await supervisor.click('[data-testid=note-text]');
    await supervisor.keyboard.type('Upper lip: keep the corner tucked here.');
    await supervisor.keyboard.press('Enter');
    const note = supervisor.locator('[data-testid=note-item]');
    await note.waitFor();
    expect(await note.textContent()).toContain('10–20');
    expect(await note.locator('[data-testid=note-drawing]').textContent()).toContain('drawn on the plate (2 strokes)');
    // the draft went with the note; the stored drawing shows on this frame
    await expect.poll(() => supervisor.locator('[data-testid=draft-stroke]').count()).toBe(0);
    await expect.poll(() => drawn(supervisor)).toBe('1');
    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    await supervisor.screenshot({ path: join(ROOT, 'test-output', 'e2e-drawn-notes-supervisor.png') });
  });

  it('the animator sees it over the plate on those frames only, and resolving the note hides it', async () => {
    await animator.goto(`${animatorHost.url}#/shot/${shotId}?f=5`);
    await animator.waitForSelector('[data-testid=plate][data-frame="5"]');
    expect(await animator.isVisible('[data-testid=review-layout]')).toBe(false);
    expect(await drawn(animator)).toBe('0');
    await seekTo(animator, 15);
    await expect.poll(() => drawn(animator)).toBe('1');
    expect(await animator.locator('[data-testid=shown-stroke]').count()).toBe(2);
    expect(await animator.locator('[data-testid=shown-stroke]').nth(1).getAttribute('stroke')).toBe('#ffcc00');
    await animator.screenshot({ path: join(ROOT, 'test-output', 'e2e-drawn-notes-animator.png') });
    await seekTo(animator, 25);
    await expect.poll(() => drawn(animator)).toBe('0');

    await seekTo(animator, 15);
    await animator.click('[role=tab]:has-text("Notes")');
    await animator.locator('[data-testid=note-item]').locator('[data-testid=note-resolve]').click();
    await animator.waitForSelector('[data-testid=note-item][data-resolved=true]');
    await expect.poll(() => drawn(animator)).toBe('0');
    await supervisor.waitForSelector('[data-testid=note-item][data-resolved=true]');
    await expect.poll(() => drawn(supervisor)).toBe('0');
  });

  it('draws on the head too: one view per note, the other refused until the note is added', async () => {
    await seekTo(supervisor, 30);
    const head = (await supervisor.locator('[data-testid=drawing-layer-head]').boundingBox())!;
    await supervisor.click('[data-testid=draw-tool-arrow]');
    await supervisor.mouse.move(head.x + 0.8 * head.width, head.y + 0.3 * head.height);
    await supervisor.mouse.down();
    await supervisor.mouse.move(head.x + 0.55 * head.width, head.y + 0.6 * head.height, { steps: 5 });
    await supervisor.mouse.up();
    await expect.poll(() => supervisor.textContent('[data-testid=draw-count]')).toBe('1 on the head');
    // the plate now takes no pen: the drawing is on the head
    expect(await supervisor.getAttribute('[data-testid=drawing-layer-plate]', 'class')).toContain('other');
    await drag(supervisor, [0.3, 0.3], [0.5, 0.5]);
    expect(await supervisor.textContent('[data-testid=draw-count]')).toBe('1 on the head');
    await supervisor.click('[data-testid=note-text]');
    await supervisor.keyboard.type('Brow: less lift on this beat.');
    await supervisor.keyboard.press('Enter');
    await supervisor.waitForSelector('[data-testid=note-drawing]:has-text("drawn on the head (1 stroke)")');

    await seekTo(animator, 30);
    await expect.poll(() => animator.getAttribute('[data-testid=drawing-layer-head]', 'data-drawn')).toBe('1');
    expect(await drawn(animator)).toBe('0');
    await animator.screenshot({ path: join(ROOT, 'test-output', 'e2e-drawn-notes-head.png') });
  });

  it('renders dailies from the review button, with progress, and says where the movie went', async () => {
    await animator.click('[data-testid=review-toggle]');
    await animator.waitForSelector('[data-testid=review-layout]');
    await animator.click('[data-testid=dailies-button]');
    const out = join(dir, 'sh200_dailies.mp4');
    await animator.fill('[data-testid=dailies-out]', out);
    await animator.click('[data-testid=dailies-render]');
    // progress with the rate and the time left, while it renders
    await expect
      .poll(() => animator.textContent('[data-testid=dailies-progress]'), { timeout: 30_000 })
      .toMatch(/\d+ \/ 40 frames · [\d.]+ frames\/s · about \d+ s left/);
    await animator.screenshot({ path: join(ROOT, 'test-output', 'e2e-dailies-progress.png') });
    const result = animator.locator('[data-testid=dailies-result]');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toContain('40 frames, 1280×720 at 24 fps');
    expect(statSync(out).size).toBeGreaterThan(10_000);
    // again to another file, stopped part way: the dialog says so and no file is left
    const stopped = join(dir, 'stopped.mp4');
    await animator.fill('[data-testid=dailies-out]', stopped);
    await animator.click('[data-testid=dailies-render]');
    await expect.poll(() => animator.textContent('[data-testid=dailies-progress]'), { timeout: 30_000 }).toMatch(/frames\/s/);
    await animator.click('[data-testid=dailies-stop]');
    await animator.waitForSelector('[data-testid=dailies-dialog] [role=alert]:has-text("dailies cancelled: no movie was written")');
    expect(existsSync(stopped)).toBe(false);
    // a supervisor on the read-only host has no dailies button: it writes on the host
    expect(await supervisor.locator('[data-testid=dailies-button]').count()).toBe(0);
  }, 90_000);
});
