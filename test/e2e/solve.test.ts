// End to end through the browser host: solve from the UI. A shot is solved from the shot view
// with the model picked in the dialog (the fixture model in the host's user models folder): the
// progress bar advances, the take appears in the take picker, the status moves to cleanup, and
// the frame the solver could not read is marked on the timeline. Then the crop is edited on the
// plate, and two shots are queued from the shot browser with a multi-selection.
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShotDetail } from '../../electron/common/api/schemas';
import { dispatch } from '../../electron/api/dispatch';
import { handlers } from '../../electron/api/handlers';
import { writeTestSequence } from '../../electron/demo/test-pattern';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { tempDir } from '../helpers/temp';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MODEL = 'fixture-pooled';
const FRAMES = 160;
const GAP = 50;

let host: BrowserHost;
let browser: Browser;
let page: Page;
let cleanup: () => Promise<void>;
let exportDir: string;
const ids: Record<string, number> = {};

async function call<T>(channel: string, args: unknown): Promise<T> {
  const r = await dispatch(handlers, host.context, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.result as T;
}

/** The renderer as it is now, built into the test's own folder (dist/ may be stale or shared). */
async function buildRenderer(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
}

/** Records, in the page, every state the solve progress widgets show (they can be brief). */
const RECORD_PROGRESS = `(() => {
  window.__progress = [];
  const seen = (el) =>
    window.__progress.push({ id: el.dataset.testid, state: el.dataset.state, done: Number(el.dataset.done ?? 0), total: Number(el.dataset.total ?? 0) });
  new MutationObserver((list) => {
    for (const m of list) {
      const els =
        m.type === 'attributes' ? [m.target] : [...m.addedNodes].flatMap((n) => (n.querySelectorAll ? [n, ...n.querySelectorAll('[data-testid]')] : []));
      for (const el of els) if (el.dataset && /solve-progress$/.test(el.dataset.testid ?? '')) seen(el);
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-done', 'data-state'] });
})()`;

async function progressSeen(p: Page): Promise<{ id: string; state: string; done: number; total: number }[]> {
  return p.evaluate('window.__progress');
}

describe.skipIf(!existsSync(CHROMIUM))('solve from the UI (browser host, Chromium)', () => {
  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = await tempDir('rigsolve-e2e-solve-'));
    const modelsDir = join(dir, 'models');
    await mkdir(modelsDir, { recursive: true });
    for (const ext of ['onnx', 'json']) await copyFile(join(ROOT, 'test', 'fixtures', 'models', `${MODEL}.${ext}`), join(modelsDir, `${MODEL}.${ext}`));
    const cap = (name: string) => join(dir, 'captures', name, 'rgb');
    await writeTestSequence({ dir: cap('sh010'), first: 1, count: FRAMES, width: 256, height: 256 });
    // A frame lost on stage: the solver cannot read it, the take records it as failed.
    await rm(join(cap('sh010'), `frame.${String(GAP).padStart(4, '0')}.png`));
    for (const name of ['sh020', 'sh030']) await writeTestSequence({ dir: cap(name), first: 1001, count: 80, width: 256, height: 256 });
    exportDir = join(dir, 'delivery');
    const rendererDir = join(dir, 'renderer');
    await buildRenderer(rendererDir);
    host = await startBrowserHost({ projectPath: join(dir, 'solve.rigsolve'), port: 0, host: '127.0.0.1', userModelsDir: modelsDir, rendererDir });
    for (const name of ['sh010', 'sh020', 'sh030']) {
      ids[name] = (await call<{ shot: { id: number } }>('capture.import', { shotName: name, rgbSource: cap(name), fps: 24 })).shot.id;
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await cleanup?.();
  });

  it('solves a shot from the shot view: progress, take, status, failed frame', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await page.dblclick('[data-testid=shot-row][data-name=sh010]');
    await page.waitForSelector('[data-testid=plate][data-frame="1"]');
    expect(await page.isVisible('[data-testid=take-picker]')).toBe(false); // no take yet

    await page.click('[data-testid=solve-button]');
    const option = page.locator(`[data-testid=model-option][data-model-id=${MODEL}]`);
    await option.waitFor();
    // the shipped model is offered first; this test picks the tiny fixture (fast), and the
    // dialog remembers that choice for the later solves
    expect(await page.locator('[data-testid=model-option]:has(.tag.accent) input[type=radio]').isChecked()).toBe(true);
    await option.locator('input[type=radio]').check();
    expect(await option.locator('input[type=radio]').isChecked()).toBe(true);
    await page.click('[data-testid=device-cpu]');
    await page.evaluate(RECORD_PROGRESS);
    await page.click('[data-testid=solve-submit]');

    await page.waitForSelector('[data-testid=active-take]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid=status-menu][data-status=cleanup]');
    const seen = (await progressSeen(page)).filter((p) => p.id === 'solve-progress');
    expect(seen.some((p) => p.state === 'running' && p.total === FRAMES)).toBe(true);
    const done = seen.map((p) => p.done);
    expect(Math.max(...done)).toBeGreaterThan(0);
    // It advanced: more than one distinct count was shown on the way.
    expect(new Set(done).size).toBeGreaterThan(1);
    expect(await page.isVisible('[data-testid=solve-progress]')).toBe(false);

    expect(await page.textContent('[data-testid=active-take]')).toMatch(/^Take \d+$/);
    await page.click('[data-testid=take-picker]');
    const rows = page.locator('[data-testid=take-row]');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-active')).toBe('true');
    const details = await rows.first().textContent();
    expect(details).toContain(MODEL);
    expect(details).toContain('CPU');
    expect(details).toContain('1 failed frame');
    await page.keyboard.press('Escape');

    expect(await page.textContent('[data-testid=solve-provider]')).toBe('CPU');
    await page.waitForSelector('[data-testid=timeline-failed]');
    expect(await page.textContent('[data-testid=failed-frames-count]')).toBe('1 failed frame');
    expect(errors).toEqual([]);
  });

  it('edits the solver crop on the plate and stores it on release', async () => {
    await page.keyboard.press('c');
    const overlay = page.locator('[data-testid=crop-overlay]');
    await overlay.waitFor();
    expect(await overlay.getAttribute('data-crop')).toBe('0,0,256');

    // Shrink from the south-east corner: the north-west corner stays, the crop stays square.
    const se = (await page.locator('[data-testid=crop-handle-se]').boundingBox())!;
    await page.mouse.move(se.x + se.width / 2, se.y + se.height / 2);
    await page.mouse.down();
    await page.mouse.move(se.x - 80, se.y - 40, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await call<ShotDetail>('shot.get', { shotId: ids.sh010 })).crop).not.toBeNull();
    const resized = (await call<ShotDetail>('shot.get', { shotId: ids.sh010 })).crop!;
    expect(resized.x).toBe(0);
    expect(resized.y).toBe(0);
    expect(resized.size).toBeLessThan(256);
    await expect.poll(() => overlay.getAttribute('data-crop')).toBe(`0,0,${resized.size}`);

    // Move it: it follows the pointer and stays inside the plate.
    const box = (await page.locator('[data-testid=crop-box]').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 400, box.y + box.height / 2 + 30, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await call<ShotDetail>('shot.get', { shotId: ids.sh010 })).crop?.x).toBe(256 - resized.size);
    const moved = (await call<ShotDetail>('shot.get', { shotId: ids.sh010 })).crop!;
    expect(moved.size).toBe(resized.size);
    expect(moved.y).toBeGreaterThan(0);
    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output', 'e2e-solve-shot.png') });

    await page.click('[data-testid=crop-reset]');
    await expect.poll(async () => (await call<ShotDetail>('shot.get', { shotId: ids.sh010 })).crop).toBeNull();
    await expect.poll(() => overlay.getAttribute('data-crop')).toBe('0,0,256');
    await page.keyboard.press('c');
    expect(await page.isVisible('[data-testid=crop-overlay]')).toBe(false);
  });

  it('exports the final curves from the export dialog', async () => {
    await page.click('[data-testid=export-button]');
    await page.waitForSelector('[data-testid=export-dialog]');
    await page.check('[data-testid=export-format-anim]');
    await page.fill('[data-testid=export-tolerance]', '0.01');
    await page.fill('[data-testid=export-dir]', exportDir);
    await page.fill('[data-testid=export-node-name]', 'face:bs1');
    await page.fill('[data-testid=export-start-frame]', '1001');
    expect(await page.isDisabled('[data-testid=export-timecode-offset]')).toBe(true); // .anim has no timecode
    expect(await page.inputValue('[data-testid=export-file]')).toBe('sh010.anim');
    await page.click('[data-testid=export-submit]');
    await page.waitForSelector('[data-testid=export-result]');
    const keys = await page.textContent('[data-testid=export-keys]');
    // 160 frames × 102 controls before; the reduction keeps fewer.
    expect(keys).toMatch(/^16,320 → [\d,]+ keys \(−\d+ %\)$/);
    expect(Number(await page.textContent('[data-testid=export-max-error]'))).toBeLessThanOrEqual(0.01);
    const anim = readFileSync(join(exportDir, 'sh010.anim'), 'utf8');
    expect(anim).toContain('animVersion');
    expect(anim).toContain('startTime 1001;');
    expect(anim).toMatch(/^anim weight\.jawOpen jawOpen face:bs1 /m);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=export-dialog]', { state: 'detached' });
    // The project remembers the export: the dialog opens with its format and settings.
    await page.click('[data-testid=export-button]');
    await expect.poll(() => page.inputValue('[data-testid=export-node-name]')).toBe('face:bs1');
    expect(await page.inputValue('[data-testid=export-start-frame]')).toBe('1001');
    expect(await page.inputValue('[data-testid=export-tolerance]')).toBe('0.01');
    await page.screenshot({ path: join(ROOT, 'test-output', 'e2e-export-dialog.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=export-dialog]', { state: 'detached' });
  });

  it('queues a multi-selection of shots from the shot browser', async () => {
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=shot-row][data-name=sh020]');
    await page.click('[data-testid=shot-row][data-name=sh020]');
    await page.click('[data-testid=shot-row][data-name=sh030]', { modifiers: ['Control'] });
    expect(await page.getAttribute('[data-testid=shot-row][data-name=sh020]', 'aria-selected')).toBe('true');
    expect(await page.getAttribute('[data-testid=shot-row][data-name=sh030]', 'aria-selected')).toBe('true');
    expect(await page.textContent('[data-testid=solve-selected-button]')).toContain('Solve 2 shots');

    await page.click('[data-testid=solve-selected-button]');
    await page.waitForSelector(`[data-testid=model-option][data-model-id=${MODEL}]`);
    await page.click('[data-testid=device-cpu]');
    await page.evaluate(RECORD_PROGRESS);
    await page.click('[data-testid=solve-submit]');
    await page.waitForSelector('[data-testid=shot-row][data-name=sh020][data-status=cleanup]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid=shot-row][data-name=sh030][data-status=cleanup]', { timeout: 60_000 });
    const seen = (await progressSeen(page)).filter((p) => p.id === 'row-solve-progress');
    expect(seen.length).toBeGreaterThan(0);
    await page.screenshot({ path: join(ROOT, 'test-output', 'e2e-solve-browser.png') });
    expect(await page.textContent('[data-testid=status-count-cleanup]')).toBe('3');
  });

  it('delivers every approved shot to a folder', async () => {
    await call('shot.setStatus', { shotId: ids.sh020, status: 'approved', by: 'Maya Chen' });
    await page.waitForSelector('[data-testid=shot-row][data-name=sh020][data-status=approved]');
    await page.click('[data-testid=export-approved-button]');
    await page.waitForSelector('[data-testid=batch-export-dialog]');
    await page.fill('[data-testid=batch-export-dir]', exportDir);
    expect(await page.textContent('[data-testid=batch-export-settings]')).toContain('node face:bs1 · start frame 1001');
    await page.click('[data-testid=batch-export-submit]');
    const result = page.locator('[data-testid=batch-export-result]');
    await result.waitFor();
    expect(await result.textContent()).toContain('1 exported');
    expect(await result.textContent()).toContain('sh020');
    expect(existsSync(join(exportDir, 'sh020.anim'))).toBe(true);
    // With the node and start frame the project's last export used.
    const anim = readFileSync(join(exportDir, 'sh020.anim'), 'utf8');
    expect(anim).toMatch(/^anim weight\.jawOpen jawOpen face:bs1 /m);
    expect(anim).toContain('startTime 1001;');
  });
});
