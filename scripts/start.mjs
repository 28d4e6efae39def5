// `npm start`: builds, then launches the Electron app. Electron downloads its binary on first
// launch; where that cannot happen (offline, no display), the same app is served to a browser.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npm', ['run', '--silent', 'build']);

let electronPath = null;
try {
  electronPath = createRequire(import.meta.url)('electron');
} catch (err) {
  console.error(`\nElectron could not be started: ${String(err.message).split('\n')[0]}`);
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
