// Issue #16's bad-input corpus: wrong, missing, hostile and damaged inputs across import, solve,
// export, rigs, models, projects and the API. Every case must fail cleanly: the right exit code (CLI)
// or error code (API, through a started browser host and a real socket), a message with its key
// words, no stack trace, and a project that SQLite calls intact and whose rows are exactly as they
// were. Table-driven: a new bad input is one row.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestSequence } from '../../electron/demo/test-pattern';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { connectApi, type ApiClient } from '../helpers/api-client';
import { FIXTURE_MODEL, runCli } from '../helpers/cli';
import { projectState, type ProjectState } from '../helpers/project-state';
import { tempDir } from '../helpers/temp';

let dir: string;
let project: string;
let cleanup: () => Promise<void>;
const STACK = /\n\s+at |\.ts:\d+|\.js:\d+|Error: .*\n/;

/** Paths of the corpus's fixtures, all inside the project's folder (so a served host may read them). */
const p = (name: string): string => join(dir, name);

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('rigsolve-bad-input-'));
  await writeTestSequence({ dir: p('rgb'), first: 1, count: 8, width: 32, height: 32 });
  await mkdir(p('empty'));
  await writeFile(p('junk.txt'), 'not anything\n');
  await writeFile(p('junk.onnx'), 'not a model\n');
  await writeFile(p('junk.glb'), 'not a rig\n');
  await writeFile(p('junk.rigsolve'), 'not a project\n');
  await copyFile(join(p('rgb'), 'frame.0001.png'), p('image.rigsolve'));
  project = p('p.rigsolve');
  const imp = runCli('import', '--project', project, '--shot', 'sh', '--rgb', p('rgb'));
  expect(imp.status, imp.stderr).toBe(0);
  const solve = runCli('solve', '--project', project, '--shot', 'sh', '--model', FIXTURE_MODEL, '--device', 'cpu', '--batch', '4');
  expect(solve.status, solve.stderr).toBe(0);
}, 120_000);
afterAll(() => cleanup());

/** The project must be intact and hold exactly the rows it held before. */
function expectUnchanged(before: ProjectState): void {
  const after = projectState(project);
  expect(after.integrity).toBe('ok');
  expect(after.rows).toEqual(before.rows);
  expect(after.hash).toBe(before.hash);
}

interface CliCase {
  name: string;
  args: () => string[];
  code: number;
  words: RegExp;
}

const P = (): string => project;
const M = FIXTURE_MODEL;
const CLI_CASES: CliCase[] = [
  // import
  { name: 'import: RGB folder missing', args: () => ['import', '--project', P(), '--shot', 'x', '--rgb', p('nope')], code: 2, words: /RGB folder not found/ },
  {
    name: 'import: RGB folder empty',
    args: () => ['import', '--project', P(), '--shot', 'x', '--rgb', p('empty')],
    code: 2,
    words: /no numbered RGB image sequence/,
  },
  {
    name: 'import: RGB is a text file',
    args: () => ['import', '--project', P(), '--shot', 'x', '--rgb', p('junk.txt')],
    code: 2,
    words: /is a file; give a folder/,
  },
  { name: 'import: empty shot name', args: () => ['import', '--project', P(), '--shot', '', '--rgb', p('rgb')], code: 2, words: /missing --shot/ },
  { name: 'import: no --rgb', args: () => ['import', '--project', P(), '--shot', 'x'], code: 2, words: /missing --rgb/ },
  {
    name: 'import: normal folder missing',
    args: () => ['import', '--project', P(), '--shot', 'x', '--rgb', p('rgb'), '--normal', p('nope')],
    code: 2,
    words: /normal-map folder not found/,
  },
  {
    name: 'import: unknown normal convention',
    args: () => ['import', '--project', P(), '--shot', 'x', '--rgb', p('rgb'), '--normal-convention', 'sideways'],
    code: 2,
    words: /--normal-convention must be opengl or directx/,
  },
  {
    name: 'import: --fps not a number',
    args: () => ['import', '--project', P(), '--shot', 'x', '--rgb', p('rgb'), '--fps', 'abc'],
    code: 2,
    words: /--fps must be a number/,
  },
  {
    name: 'import: --fps 0',
    args: () => ['import', '--project', P(), '--shot', 'x', '--rgb', p('rgb'), '--fps', '0'],
    code: 2,
    words: /--fps must be a frame rate above 0/,
  },
  {
    name: 'import: curves file missing',
    args: () => ['import', '--project', P(), '--shot', 'x', '--rgb', p('rgb'), '--curves', p('nope.csv')],
    code: 2,
    words: /curves file not found/,
  },
  {
    name: 'import: --truth-take with --curves',
    args: () => ['import', '--project', P(), '--shot', 'x', '--rgb', p('rgb'), '--truth-take', '--curves', p('junk.txt')],
    code: 2,
    words: /either --truth-take or --curves/,
  },
  {
    name: 'import: unknown option',
    args: () => ['import', '--project', P(), '--shot', 'x', '--rgb', p('rgb'), '--bogus'],
    code: 2,
    words: /Unknown option '--bogus'/,
  },
  {
    name: 'import: curves file with no control columns',
    args: () => ['import', '--project', P(), '--shot', 'sh', '--rgb', p('rgb'), '--curves', p('junk.txt')],
    code: 2,
    words: /junk.txt: no column names a control of the shot's rig/,
  },
  {
    name: 'import: existing shot from an empty folder',
    args: () => ['import', '--project', P(), '--shot', 'sh', '--rgb', p('empty')],
    code: 2,
    words: /no numbered RGB/,
  },
  // solve and models
  { name: 'solve: unknown shot', args: () => ['solve', '--project', P(), '--shot', 'nope', '--model', M], code: 2, words: /no shot named "nope"/ },
  { name: 'solve: neither --shot nor --all', args: () => ['solve', '--project', P(), '--model', M], code: 2, words: /either --shot NAME or --all/ },
  { name: 'models: model file missing', args: () => ['solve', '--project', P(), '--shot', 'sh', '--model', p('nope.onnx')], code: 2, words: /model not found/ },
  {
    name: 'models: model not .onnx',
    args: () => ['solve', '--project', P(), '--shot', 'sh', '--model', p('junk.txt')],
    code: 2,
    words: /is not an \.onnx file/,
  },
  {
    name: 'models: .onnx that is not a model',
    args: () => ['solve', '--project', P(), '--shot', 'sh', '--model', p('junk.onnx')],
    code: 2,
    words: /not a valid ONNX model/,
  },
  {
    name: 'solve: unknown device',
    args: () => ['solve', '--project', P(), '--shot', 'sh', '--model', M, '--device', 'tpu'],
    code: 2,
    words: /--device must be one of auto, cpu/,
  },
  {
    name: 'solve: --batch 0',
    args: () => ['solve', '--project', P(), '--shot', 'sh', '--model', M, '--batch', '0'],
    code: 2,
    words: /--batch must be a whole number from 1 to 256.*got 0/,
  },
  {
    name: 'solve: --batch 1000',
    args: () => ['solve', '--project', P(), '--shot', 'sh', '--model', M, '--batch', '1000'],
    code: 2,
    words: /from 1 to 256.*got 1000/,
  },
  {
    name: 'solve: --batch abc',
    args: () => ['solve', '--project', P(), '--shot', 'sh', '--model', M, '--batch', 'abc'],
    code: 2,
    words: /--batch must be a number/,
  },
  // export
  {
    name: 'export: unknown format',
    args: () => ['export', '--project', P(), '--shot', 'sh', '--format', 'xls', '--out', p('o.x')],
    code: 2,
    words: /--format must be one of csv/,
  },
  {
    name: 'export: unknown shot',
    args: () => ['export', '--project', P(), '--shot', 'nope', '--format', 'csv', '--out', p('o.csv')],
    code: 2,
    words: /no shot named "nope"/,
  },
  { name: 'export: no --out', args: () => ['export', '--project', P(), '--shot', 'sh', '--format', 'csv'], code: 2, words: /missing --out/ },
  {
    name: 'export: negative --reduce',
    args: () => ['export', '--project', P(), '--shot', 'sh', '--format', 'csv', '--out', p('o.csv'), '--reduce', '-1'],
    code: 2,
    words: /--reduce must be 0 or more/,
  },
  {
    name: 'export: range outside the shot',
    args: () => ['export', '--project', P(), '--shot', 'sh', '--format', 'csv', '--out', p('o.csv'), '--range', '100-200'],
    code: 2,
    words: /range 100-200 is outside the shot \(1-8\)/,
  },
  {
    name: 'export: range not a range',
    args: () => ['export', '--project', P(), '--shot', 'sh', '--format', 'csv', '--out', p('o.csv'), '--range', 'abc'],
    code: 2,
    words: /--range must look like/,
  },
  {
    name: 'export: no such take',
    args: () => ['export', '--project', P(), '--shot', 'sh', '--format', 'csv', '--out', p('o.csv'), '--take', '999'],
    code: 2,
    words: /has no take 999/,
  },
  {
    name: 'export: onto a folder',
    args: () => ['export', '--project', P(), '--shot', 'sh', '--format', 'csv', '--out', p('empty')],
    code: 2,
    words: /is a folder/,
  },
  {
    name: 'export: all approved without --out-dir',
    args: () => ['export', '--project', P(), '--all-approved', '--format', 'csv'],
    code: 2,
    words: /missing --out-dir/,
  },
  // projects
  { name: 'projects: no such project', args: () => ['shots', '--project', p('nope.rigsolve')], code: 2, words: /no project at/ },
  { name: 'projects: a folder as the project', args: () => ['shots', '--project', p('empty')], code: 2, words: /is a folder, not a RigSolve project file/ },
  { name: 'projects: a text file as the project', args: () => ['shots', '--project', p('junk.rigsolve')], code: 2, words: /not a RigSolve project/ },
  {
    name: 'projects: an image as the project',
    args: () => ['solve', '--project', p('image.rigsolve'), '--shot', 'sh', '--model', M],
    code: 2,
    words: /not a RigSolve project/,
  },
  {
    name: 'projects: import into a folder',
    args: () => ['import', '--project', p('empty'), '--shot', 'x', '--rgb', p('rgb')],
    code: 2,
    words: /is a folder, not a RigSolve project file/,
  },
  { name: 'projects: no --project', args: () => ['shots'], code: 2, words: /missing --project/ },
  { name: 'projects: check a missing project', args: () => ['check', '--project', p('nope.rigsolve')], code: 2, words: /no project at/ },
  { name: 'cli: unknown command', args: () => ['frobnicate'], code: 2, words: /unknown command "frobnicate"/ },
];

describe('bad input on the command line', () => {
  it.each(CLI_CASES)('$name', ({ args, code, words }) => {
    const before = projectState(project);
    const a = args();
    const r = runCli(...a);
    expect(r.status, `${a.join(' ')}\n${r.stderr}`).toBe(code);
    expect(r.stderr).toMatch(words);
    // One line of message; progress lines (an import that got as far as reading frames) aside.
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !/^\w+ .*: \d+\/\d+ \(\d+%\)/.test(l)),
    ).toHaveLength(1);
    expect(`${r.stdout}\n${r.stderr}`).not.toMatch(STACK);
    expectUnchanged(before);
  });
});

interface ApiCase {
  name: string;
  channel: string;
  args: () => unknown;
  code: string;
  words: RegExp;
}

const SHOT = 1;
const setKeys = (control: string, frame: number, value: number): unknown => ({
  shotId: SHOT,
  transaction: { label: 'bad', ops: [{ op: 'setKeys', control, keys: [{ frame, value, interp: 'linear' }] }] },
});
const API_CASES: ApiCase[] = [
  { name: 'unknown channel', channel: 'shots.delete', args: () => ({}), code: 'unknownChannel', words: /unknown API channel "shots.delete"/ },
  { name: 'prototype key as a channel', channel: '__proto__', args: () => ({}), code: 'unknownChannel', words: /unknown API channel/ },
  { name: 'shot id that does not exist', channel: 'shot.get', args: () => ({ shotId: 999 }), code: 'notFound', words: /no shot with id 999/ },
  { name: 'negative shot id', channel: 'shot.get', args: () => ({ shotId: -1 }), code: 'invalidArgs', words: /shot.get: .*shotId/ },
  { name: 'shot id as a string', channel: 'shot.get', args: () => ({ shotId: '1' }), code: 'invalidArgs', words: /expected number, received string/ },
  { name: 'unexpected key', channel: 'shot.get', args: () => ({ shotId: SHOT, x: 1 }), code: 'invalidArgs', words: /Unrecognized key: "x"/ },
  { name: 'null arguments', channel: 'shot.get', args: () => null, code: 'invalidArgs', words: /shotId/ },
  { name: 'shot id past 2^53', channel: 'shot.frames', args: () => ({ shotId: 2 ** 53 }), code: 'invalidArgs', words: /Too big/ },
  // import
  {
    name: 'import: missing folder',
    channel: 'capture.import',
    args: () => ({ shotName: 'n', rgbSource: p('nope'), fps: 24 }),
    code: 'badInput',
    words: /RGB folder not found/,
  },
  {
    name: 'import: folder outside the scope',
    channel: 'capture.import',
    args: () => ({ shotName: 'n', rgbSource: '/etc', fps: 24 }),
    code: 'forbidden',
    words: /outside the folders.*--allow DIR/,
  },
  {
    name: 'import: empty shot name',
    channel: 'capture.import',
    args: () => ({ shotName: '', rgbSource: p('rgb'), fps: 24 }),
    code: 'invalidArgs',
    words: /shotName/,
  },
  {
    name: 'import: a file as the folder',
    channel: 'capture.import',
    args: () => ({ shotName: 'n', rgbSource: p('junk.txt'), fps: 24 }),
    code: 'badInput',
    words: /is a file; give a folder/,
  },
  {
    name: 'import: an empty folder',
    channel: 'capture.import',
    args: () => ({ shotName: 'n', rgbSource: p('empty'), fps: 24 }),
    code: 'badInput',
    words: /no numbered RGB image sequence/,
  },
  {
    name: 'import: curves file with no control columns',
    channel: 'capture.import',
    args: () => ({ shotName: 'sh', rgbSource: p('rgb'), fps: 24, curvesPath: p('junk.txt') }),
    code: 'badInput',
    words: /junk.txt: no column names a control of the shot's rig/,
  },
  { name: 'import: fps 0', channel: 'capture.import', args: () => ({ shotName: 'n', rgbSource: p('rgb'), fps: 0 }), code: 'invalidArgs', words: /fps/ },
  // file system and projects
  { name: 'list a folder outside the scope', channel: 'fs.listDir', args: () => ({ path: '/etc' }), code: 'forbidden', words: /outside the folders/ },
  { name: 'list a missing folder', channel: 'fs.listDir', args: () => ({ path: p('nope') }), code: 'badInput', words: /cannot read folder/ },
  {
    name: 'projects: open a folder',
    channel: 'project.open',
    args: () => ({ path: p('empty') }),
    code: 'notFound',
    words: /is a folder, not a RigSolve project file/,
  },
  {
    name: 'projects: open a missing project',
    channel: 'project.open',
    args: () => ({ path: p('nope.rigsolve') }),
    code: 'notFound',
    words: /cannot open project/,
  },
  {
    name: 'projects: open a text file',
    channel: 'project.open',
    args: () => ({ path: p('junk.rigsolve') }),
    code: 'notFound',
    words: /not a RigSolve project/,
  },
  {
    name: 'projects: create outside the scope',
    channel: 'project.open',
    args: () => ({ path: '/tmp/x.rigsolve', create: true }),
    code: 'forbidden',
    words: /outside the folders/,
  },
  // solve and models
  { name: 'solve: no shots', channel: 'solve.start', args: () => ({ shotIds: [] }), code: 'invalidArgs', words: /shotIds/ },
  {
    name: 'models: .onnx that is not a model',
    channel: 'solve.start',
    args: () => ({ shotIds: [SHOT], modelPath: p('junk.onnx') }),
    code: 'badInput',
    words: /not a valid ONNX model/,
  },
  {
    name: 'models: not an .onnx',
    channel: 'solve.start',
    args: () => ({ shotIds: [SHOT], modelPath: p('junk.txt') }),
    code: 'badInput',
    words: /is not an \.onnx file/,
  },
  {
    name: 'models: missing model',
    channel: 'solve.start',
    args: () => ({ shotIds: [SHOT], modelPath: p('nope.onnx') }),
    code: 'badInput',
    words: /model not found/,
  },
  { name: 'solve: unknown device', channel: 'solve.start', args: () => ({ shotIds: [SHOT], device: 'tpu' }), code: 'invalidArgs', words: /device/ },
  { name: 'takes of a missing shot', channel: 'takes.list', args: () => ({ shotId: 999 }), code: 'notFound', words: /no shot with id 999/ },
  { name: 'activate a missing take', channel: 'take.setActive', args: () => ({ shotId: SHOT, takeId: 999 }), code: 'notFound', words: /has no take 999/ },
  // edits and review
  {
    name: 'edit an unknown control',
    channel: 'edits.apply',
    args: () => setKeys('tailWag', 1, 0.1),
    code: 'badInput',
    words: /"tailWag" is not a control.*nothing was changed/,
  },
  {
    name: 'edit far outside the shot',
    channel: 'edits.apply',
    args: () => setKeys('jawOpen', 99_999, 0.5),
    code: 'badInput',
    words: /falls outside shot.*nothing was changed/,
  },
  {
    name: 'edit an unknown op',
    channel: 'edits.apply',
    args: () => ({ shotId: SHOT, transaction: { label: 'x', ops: [{ op: 'explode' }] } }),
    code: 'invalidArgs',
    words: /op/,
  },
  { name: 'undo on a missing shot', channel: 'edits.undo', args: () => ({ shotId: 999 }), code: 'notFound', words: /no shot with id 999/ },
  { name: 'unknown status', channel: 'shot.setStatus', args: () => ({ shotId: SHOT, status: 'bogus', by: 'a' }), code: 'invalidArgs', words: /status/ },
  { name: 'status without a name', channel: 'shot.setStatus', args: () => ({ shotId: SHOT, status: 'approved', by: '' }), code: 'invalidArgs', words: /by/ },
  {
    name: 'blank note',
    channel: 'notes.add',
    args: () => ({ shotId: SHOT, frameStart: 1, frameEnd: 2, text: '   ', author: 'a' }),
    code: 'invalidArgs',
    words: /text/,
  },
  {
    name: 'note outside the shot',
    channel: 'notes.add',
    args: () => ({ shotId: SHOT, frameStart: 100, frameEnd: 200, text: 'x', author: 'a' }),
    code: 'badInput',
    words: /outside the shot \(1-8\)/,
  },
  { name: 'resolve a missing note', channel: 'notes.resolve', args: () => ({ noteId: 999, resolved: true, by: 'a' }), code: 'notFound', words: /no note 999/ },
  // export
  {
    name: 'export: unknown format',
    channel: 'export.shot',
    args: () => ({ shotId: SHOT, format: 'xls', out: p('o.x') }),
    code: 'invalidArgs',
    words: /format/,
  },
  {
    name: 'export: outside the scope',
    channel: 'export.shot',
    args: () => ({ shotId: SHOT, format: 'csv', out: '/etc/o.csv' }),
    code: 'forbidden',
    words: /outside the folders/,
  },
  {
    name: 'export: onto a folder',
    channel: 'export.shot',
    args: () => ({ shotId: SHOT, format: 'csv', out: p('empty') }),
    code: 'badInput',
    words: /is a folder, not a file/,
  },
  {
    name: 'export: reversed range',
    channel: 'export.shot',
    args: () => ({ shotId: SHOT, format: 'csv', out: p('o.csv'), range: { from: 5, to: 2 } }),
    code: 'badInput',
    words: /ends before it starts/,
  },
  {
    name: 'export: missing take',
    channel: 'export.shot',
    args: () => ({ shotId: SHOT, format: 'csv', out: p('o.csv'), takeId: 999 }),
    code: 'notFound',
    words: /no take 999/,
  },
  {
    name: 'export: approved outside the scope',
    channel: 'export.approved',
    args: () => ({ format: 'csv', outDir: '/etc' }),
    code: 'forbidden',
    words: /outside the folders/,
  },
  // rigs
  { name: 'rigs: a text file as a rig', channel: 'rig.inspect', args: () => ({ path: p('junk.glb') }), code: 'badInput', words: /is not a GLB file/ },
  { name: 'rigs: a missing rig', channel: 'rig.inspect', args: () => ({ path: p('nope.glb') }), code: 'badInput', words: /cannot read the rig.*no such file/ },
  { name: 'rigs: a rig outside the scope', channel: 'rig.inspect', args: () => ({ path: '/etc/passwd' }), code: 'forbidden', words: /outside the folders/ },
  {
    name: 'rigs: set a junk rig on a shot',
    channel: 'shot.setRig',
    args: () => ({ shotId: SHOT, path: p('junk.glb') }),
    code: 'badInput',
    words: /is not a GLB file/,
  },
  { name: 'rigs: rig of a missing shot', channel: 'shot.setRig', args: () => ({ shotId: 999, path: null }), code: 'notFound', words: /no shot with id 999/ },
  {
    name: 'crop without a size',
    channel: 'shot.setCrop',
    args: () => ({ shotId: SHOT, crop: { x: -5, y: 0, width: 10, height: 10 } }),
    code: 'invalidArgs',
    words: /crop/,
  },
];

describe('bad input through the API of a started host', () => {
  let host: BrowserHost;
  let api: ApiClient;
  beforeAll(async () => {
    host = await startBrowserHost({ projectPath: project, rendererDir: p('no-renderer') });
    api = await connectApi(host);
  });
  afterAll(async () => {
    api?.close();
    await host?.close();
  });

  it.each(API_CASES)('$name', async ({ channel, args, code, words }) => {
    const before = projectState(project);
    const r = await api.call(channel, args());
    expect(r, `${channel} got no reply`).not.toBeNull();
    expect(r).toMatchObject({ ok: false, error: { code } });
    if (r && !r.ok) {
      expect(r.error.message).toMatch(words);
      expect(r.error.message).not.toMatch(STACK);
    }
    expectUnchanged(before);
    // The host still serves the project it opened, whatever the call was.
    const info = await api.call('project.info', {});
    expect(info?.ok && (info.result as { path: string | null }).path).toBe(project);
  });
});
