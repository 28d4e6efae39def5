// Lint, plus the layering rule (as VS Code enforces its common/node/browser layers):
//   electron/common/  pure TypeScript: imports only electron/common and zod — no Node, no DOM-only packages
//   renderer/         imports only renderer/ and electron/common/, never Node built-ins or electron
//   electron/**       never imports 'electron', except main.ts, preload.ts and electron/electron-main/,
//                     so everything else runs under plain Node (CLI, browser host, tests)
// and, inside each process, an order of folders (ELECTRON_LAYERS, RENDERER_LAYERS below): a folder
// imports only the folders in lower layers, so the folders can never import each other round a
// loop. A folder with an index.ts is reached from other folders only through it, and
// electron/tools/ (offline generators) is kept out of the app. ARCHITECTURE.md describes the same.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const nodeOnlyPackages = ['better-sqlite3', 'sharp', 'onnxruntime-node', 'ws', '@ffmpeg-installer/ffmpeg', 'tsx'];
const electronShell = ['electron/main.ts', 'electron/preload.ts'];
// Prettier's width, read from its config so there is one number to change.
const lineWidth = JSON.parse(readFileSync(path.join(root, '.prettierrc.json'), 'utf8')).printWidth;

const under = (p, dir) => p === dir || p.startsWith(`${dir}/`);

// Lowest first. Folders in one layer are peers and import none of each other. The files directly
// in a process's root (electron/main.ts, preload.ts, cli.ts; renderer/src/main.tsx) sit on top.
const ELECTRON_LAYERS = [
  ['common'], // pure: the API contract, control set, curve maths, status rules, export formats
  ['util'], // Node helpers: app paths, map-limit, the NPY format
  ['db', 'rig'], // the project database; rigs, their loading, mapping and which rig a shot uses
  ['project', 'capture', 'export'], // the open project; importing captures and curves; writing curves out
  ['solver', 'frames', 'dailies'], // solving shots into takes; what both hosts serve (plates, rigs, takes, static files); dailies movies
  ['eval', 'api', 'tools/synth', 'tools/default-head'], // evaluation; the request handlers; offline generators
  ['host', 'electron-main', 'demo'], // the browser host; the Electron host; the first-run project
  ['cli'],
];
const RENDERER_LAYERS = [
  ['api', 'styles'], // the transport to main; global CSS
  ['state'], // shared stores and seams
  ['ui'], // the shared kit
  ['keyboard', 'plate', 'timeline'], // features others build on
  ['rig', 'solve'],
  ['curves', 'preview', 'review', 'export'],
  ['views'], // composes the features into screens
  ['app'],
];
// electron/tools/ is offline (the default-head generator, synthetic shots and training data): the
// CLI runs it, the app does not. One use is the app's own: the first-run demo renders its capture
// with tools/synth's shot writer, through that folder's index.
const TOOL_USERS = { cli: ['tools/synth', 'tools/default-head'], demo: ['tools/synth'] };
const TOP = '(top)';

/** The layer folder a path inside a process root lies in: tools/<name> count as folders of their own. */
function folderKey(rel) {
  const parts = rel.split('/');
  if (parts.length === 1) return TOP;
  if (parts[0] === 'tools' && parts.length > 2) return `tools/${parts[1]}`;
  return parts[0];
}

const rankOf = (layers, key) => (key === TOP ? layers.length : layers.findIndex((l) => l.includes(key)));
const orderText = (layers) => layers.map((l) => l.join(', ')).join(' → ');

/** Where `file` (repo-relative) may not import `target` (repo-relative, no extension) by the layer order, or null. */
function orderViolation(processRoot, layers, file, target) {
  if (!under(target, processRoot)) return null;
  const from = folderKey(file.slice(processRoot.length + 1));
  const rest = target.slice(processRoot.length + 1);
  const to = folderKey(rest);
  if (from === to) return null;
  const fromRank = rankOf(layers, from);
  if (fromRank < 0) return `${processRoot}/${from} is in no layer: place it in the layer order in eslint.config.js`;
  const toRank = rankOf(layers, to);
  if (toRank < 0) return `${processRoot}/${to} is in no layer: place it in the layer order in eslint.config.js`;
  if (processRoot === 'electron' && to.startsWith('tools/') && !from.startsWith('tools/') && !(TOOL_USERS[from] ?? []).includes(to)) {
    return `electron/tools/ is offline: the app does not import ${target} (only the CLI and tests run the tools)`;
  }
  if (to === TOP || toRank >= fromRank) {
    const why = toRank === fromRank ? 'they are peers in one layer' : 'a folder imports only the layers below it';
    return `${processRoot}/${from} may not import ${processRoot}/${rest} (${why}: ${orderText(layers)})`;
  }
  const dir = `${processRoot}/${to}`;
  if (target !== `${dir}/index` && (existsSync(path.join(root, dir, 'index.ts')) || existsSync(path.join(root, dir, 'index.tsx')))) {
    return `reach ${dir} through its index.ts, not ${target}`;
  }
  return null;
}

const packageName = (s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]);

function layerViolation(file, source) {
  const bare = !source.startsWith('.');
  const target = bare
    ? null
    : path
        .relative(root, path.resolve(path.dirname(path.join(root, file)), source))
        .split(path.sep)
        .join('/');
  // The file imported, without its extension; a folder means its index.
  const stem = target && (statSync(path.join(root, target), { throwIfNoEntry: false })?.isDirectory() ? `${target}/index` : target.replace(/\.tsx?$/, ''));
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
    return stem && under(file, 'renderer/src') ? orderViolation('renderer/src', RENDERER_LAYERS, file, stem) : null;
  }
  if (under(file, 'electron') && bare && source === 'electron' && !electronShell.includes(file) && !under(file, 'electron/electron-main')) {
    return "only electron/main.ts, preload.ts and electron/electron-main/ may import 'electron', so everything else runs under Node";
  }
  return stem && under(file, 'electron') ? orderViolation('electron', ELECTRON_LAYERS, file, stem) : null;
}

// Prettier breaks code at the width but leaves a long string or comment as it is: this finds those.
const lineWidthRule = {
  meta: { type: 'layout', schema: [], docs: { description: `no line longer than the formatter's width (${lineWidth})` } },
  create(context) {
    return {
      Program() {
        context.sourceCode.lines.forEach((line, i) => {
          if (line.length <= lineWidth) return;
          context.report({
            loc: { line: i + 1, column: lineWidth },
            message: `line is ${line.length} characters, over the width of ${lineWidth}: split the string or comment`,
          });
        });
      },
    };
  },
};

const layersPlugin = {
  rules: {
    'line-width': lineWidthRule,
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
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    plugins: { rigsolve: layersPlugin },
    rules: { 'rigsolve/line-width': 'error' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
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
