// End to end through the browser host: import a generated capture with the in-app picker,
// open the shot, scrub with the timeline, the arrow keys and the frame counter, and check the
// plate canvas really shows each frame by decoding the frame number from its pixels.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStripes, writeTestSequence } from '../../electron/demo/test-pattern';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { fitContain, plateBoxes } from '../../renderer/src/ui/plate-layout';
import { tempDir } from '../helpers/temp';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FRAMES = 30;
const SIZE = 256;

let host: BrowserHost;
let browser: Browser;
let page: Page;
let cleanup: () => Promise<void>;
let captureDir: string;

/** In-page: the plate's CSS size and one row of its pixels at `row` (device px). */
const READ_ROW = `(args) => {
  const c = document.querySelector('[data-testid=plate]');
  const ctx = c.getContext('2d');
  const d = ctx.getImageData(args.x, args.y, args.w, 1).data;
  return { frame: c.dataset.frame, row: Array.from(d) };
}`;

async function plateSize(p: Page): Promise<{ width: number; height: number; dpr: number }> {
  return p.evaluate(`(() => {
    const c = document.querySelector('[data-testid=plate]');
    return { width: c.clientWidth, height: c.clientHeight, dpr: window.devicePixelRatio };
  })()`);
}

/** Waits for the plate to say it drew `frame`, then decodes the stripes it actually shows. */
async function expectPlateShows(p: Page, frame: number): Promise<void> {
  await p.waitForSelector(`[data-testid=plate][data-frame="${frame}"]`, { timeout: 10_000 });
  const { width, height, dpr } = await plateSize(p);
  const [box] = plateBoxes({ width, height }, 1);
  const img = fitContain({ width: SIZE, height: SIZE }, box!);
  // The stripes fill the top quarter of the plate; sample a row at 12 % of its height.
  const x = Math.ceil((box!.x + img.x) * dpr) + 1;
  const w = Math.floor(img.width * dpr) - 2;
  const y = Math.round((box!.y + img.y + img.height * 0.12) * dpr);
  const read = await p.evaluate(`(${READ_ROW})(${JSON.stringify({ x, y, w })})`);
  const { frame: shown, row } = read as { frame: string; row: number[] };
  expect(Number(shown)).toBe(frame);
  expect(decodeStripes(Uint8Array.from(row), w, 1, 4)).toBe(frame);
  expect(await p.inputValue('[data-testid=frame-counter]')).toBe(String(frame));
}

async function clickTimelineAt(p: Page, frame: number): Promise<void> {
  const tl = p.locator('[data-testid=timeline]');
  const box = await tl.boundingBox();
  const [first, last, pad] = await Promise.all(['data-first', 'data-last', 'data-pad'].map(async (a) => Number(await tl.getAttribute(a))));
  const cell = (box!.width - 2 * pad!) / (last! - first! + 1);
  await p.mouse.click(box!.x + pad! + (frame - first! + 0.5) * cell, box!.y + box!.height / 2);
}

describe.skipIf(!existsSync(CHROMIUM))('import and scrub (browser host, Chromium)', () => {
  beforeAll(async () => {
    let dir: string;
    ({ dir, cleanup } = await tempDir('rigsolve-e2e-'));
    captureDir = join(dir, 'captures', 'take_007');
    await writeTestSequence({ dir: join(captureDir, 'rgb'), first: 1, count: FRAMES, width: SIZE, height: SIZE });
    if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
      const { build } = await import('vite');
      await build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
    }
    host = await startBrowserHost({ projectPath: join(dir, 'e2e.rigsolve'), port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await cleanup?.();
  });

  it('imports a capture through the dialog', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await page.click('[data-testid=import-button]');
    await page.fill('[data-testid=picker-path]', captureDir);
    await page.press('[data-testid=picker-path]', 'Enter');
    await page.click('[data-testid=picker-entry][data-name=rgb]');
    await page.click('[data-testid=picker-use-rgb]');
    expect(await page.inputValue('[data-testid=import-rgb-source]')).toBe(join(captureDir, 'rgb'));
    expect(await page.inputValue('[data-testid=import-shot-name]')).toBe('take_007');
    await page.fill('[data-testid=import-fps]', '24');
    await page.click('[data-testid=import-submit]');
    await page.waitForSelector('[data-testid=import-report]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid=report-frames-imported]')).toBe(String(FRAMES));
    await page.click('[data-testid=import-report-open]');
    await expectPlateShows(page, 1);
    expect(errors).toEqual([]);
  });

  it('scrubs with the timeline, the keys and the frame counter', async () => {
    await clickTimelineAt(page, 17);
    await expectPlateShows(page, 17);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expectPlateShows(page, 20);
    await page.keyboard.press('Shift+ArrowLeft');
    await expectPlateShows(page, 10);
    await page.keyboard.press('End');
    await expectPlateShows(page, FRAMES);
    await page.keyboard.press('Home');
    await expectPlateShows(page, 1);
    await page.fill('[data-testid=frame-counter]', '23');
    await page.press('[data-testid=frame-counter]', 'Enter');
    await expectPlateShows(page, 23);
    // A drag across the timeline ends on the frame under the pointer.
    const box = (await page.locator('[data-testid=timeline]').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.2 + i * 0.04), box.y + box.height / 2);
    await page.mouse.up();
    await clickTimelineAt(page, 12);
    await expectPlateShows(page, 12);
    await mkdir(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-output', 'e2e-import-scrub.png') });
  });

  it('goes back to the shot browser with Esc', async () => {
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=shot-row][data-name=take_007]');
  });
});
