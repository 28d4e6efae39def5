// `npm start`: builds, then launches the Electron app. Electron downloads its binary on first
// launch; where that cannot happen (offline, no display), the same app is served to a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npm', ['run', '--silent', 'build']);

// Electron downloads its binary on first launch; do that here with its output captured, so an
// offline machine gets one line instead of the downloader's stack trace.
const require = createRequire(import.meta.url);
let electronPath = null;
const electronDir = dirname(require.resolve('electron/package.json'));
if (!existsSync(join(electronDir, 'path.txt')) || !existsSync(join(electronDir, 'dist'))) {
  console.error('Fetching the Electron binary (first launch)…');
  const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8' });
  if (fetched.status !== 0) {
    const reason = `${fetched.stderr ?? ''}`.split('\n').find((l) => /error|failed/i.test(l)) ?? 'download failed';
    console.error(`Electron could not be downloaded here (${reason.trim()}).`);
  }
}
if (existsSync(join(electronDir, 'path.txt')) && existsSync(join(electronDir, 'dist'))) {
  try {
    electronPath = require('electron');
  } catch (err) {
    console.error(`Electron could not be started: ${String(err.message).split('\n')[0]}`);
  }
}
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (electronPath && !headless) {
  const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (headless) console.error('No display found.');
  console.error('Starting RigSolve in your browser instead (the same app, served on this machine only).\n');
  const child = spawn(process.execPath, ['bin/rigsolve.mjs', 'app'], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
