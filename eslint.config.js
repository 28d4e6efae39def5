// Lint, plus the layering rule (as VS Code enforces its common/node/browser layers):
//   electron/common/  pure TypeScript: imports nothing outside common, no Node built-ins
//   renderer/         imports only renderer/ and electron/common/, never Node or electron
//   electron/** (not main.ts/preload.ts)  never imports 'electron', so it runs under plain Node
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'worker_threads', 'url', 'stream'];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'release/**', 'models/training/**', 'test-output/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/electron-main/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron'], message: 'Only electron/main.ts, preload.ts and electron/electron-main/ may import electron, so everything else runs under Node.' }],
      }],
    },
  },
  {
    files: ['electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'electron/common is shared with the renderer: no Node built-ins.' },
          { group: ['electron'], message: 'electron/common must not import electron.' },
          { group: ['../../*', '../../../*', '!../../common/**'], message: 'electron/common imports only electron/common.' },
          { group: ['react', 'react-dom', 'three', 'zustand', 'sharp', 'better-sqlite3', 'onnxruntime-node'], message: 'electron/common is pure: zod only.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'The renderer runs in a sandbox: no Node built-ins.' },
          { group: ['electron'], message: 'The renderer talks to main only through the preload API.' },
          { group: ['**/electron/!(common)/**', '**/electron/*.ts', '**/electron/main', '**/electron/preload'], message: 'The renderer may import only electron/common.' },
          { group: ['better-sqlite3', 'sharp', 'onnxruntime-node', 'ws'], message: 'Node-only package in the renderer.' },
        ],
      }],
    },
  },
);
