// Lint, plus the layering rule (as VS Code enforces its common/node/browser layers):
//   electron/common/  pure TypeScript: imports only electron/common and zod — no Node, no DOM-only packages
//   renderer/         imports only renderer/ and electron/common/, never Node built-ins or electron
//   electron/**       never imports 'electron', except main.ts, preload.ts and electron/electron-main/,
//                     so everything else runs under plain Node (CLI, browser host, tests)
import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const nodeOnlyPackages = ['better-sqlite3', 'sharp', 'onnxruntime-node', 'ws', '@ffmpeg-installer/ffmpeg', 'tsx'];
const electronShell = ['electron/main.ts', 'electron/preload.ts'];

const under = (p, dir) => p === dir || p.startsWith(`${dir}/`);
const packageName = (s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]);

function layerViolation(file, source) {
  const bare = !source.startsWith('.');
  const target = bare ? null : path.relative(root, path.resolve(path.dirname(path.join(root, file)), source)).split(path.sep).join('/');
  if (under(file, 'electron/common')) {
    if (bare && packageName(source) !== 'zod') return `electron/common is pure: only zod may be imported, not "${source}"`;
    if (target && !under(target, 'electron/common')) return `electron/common imports only electron/common, not ${target}`;
    return null;
  }
  if (under(file, 'renderer/src') || under(file, 'test/renderer')) {
    if (bare && nodeBuiltins.has(source)) return `the renderer runs in a sandbox: no Node built-in "${source}"`;
    if (bare && source === 'electron') return 'the renderer talks to main only through the preload API, not electron';
    if (bare && nodeOnlyPackages.includes(packageName(source))) return `"${source}" is a Node-only package`;
    if (target && under(target, 'electron') && !under(target, 'electron/common')) return `the renderer may import only electron/common, not ${target}`;
    return null;
  }
  if (under(file, 'electron') && bare && source === 'electron' && !electronShell.includes(file) && !under(file, 'electron/electron-main')) {
    return "only electron/main.ts, preload.ts and electron/electron-main/ may import 'electron', so everything else runs under Node";
  }
  return null;
}

const layersPlugin = {
  rules: {
    layers: {
      meta: { type: 'problem', schema: [], docs: { description: 'enforce the import layers' } },
      create(context) {
        const file = path.relative(root, context.filename).split(path.sep).join('/');
        const check = (node) => {
          const source = node.source?.value;
          if (typeof source !== 'string') return;
          const message = layerViolation(file, source);
          if (message) context.report({ node, message });
        };
        return { ImportDeclaration: check, ImportExpression: check, ExportAllDeclaration: check, ExportNamedDeclaration: check };
      },
    },
  },
};

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'release/**', 'models/training/**', 'test-output/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { rigsolve: layersPlugin },
    rules: {
      'rigsolve/layers': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
