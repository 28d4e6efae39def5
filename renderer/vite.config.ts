// Renderer bundle: built into <repo>/dist/renderer, loaded by Electron from disk and served by
// the browser host, so every asset path is relative (base './').
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

// The dev server injects an inline React-refresh preamble and an HMR socket, which the strict
// CSP forbids. Relax it for `vite serve` only; the built index.html keeps the strict policy.
function devCsp(): Plugin {
  return {
    name: 'rigsolve:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: wss:");
    },
  };
}

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), devCsp()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
