// Synthetic captures from the rig: shots with ground truth (demo, tests, evaluation) and training data.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseCurvesCsv } from '../../capture/curves-csv';
import { renderRigSheet, writeSynthData, writeSynthShot } from '../../tools/synth';
import { helpText, numberOption, parseCommand, requireOption, UsageError, type CommandSpec } from '../args';
import { progressLine } from '../progress';
import { loadRigFile } from '../rig-file';
import { safeWriteFile } from '../../util/safe-write';

function intOption(v: string | undefined, flag: string, min: number, max: number): number | null {
  const n = numberOption(v, flag);
  if (n === null) return null;
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}`);
  return n;
}

const shotSpec = {
  name: 'synth-shot',
  summary: 'render a synthetic shot of the rig with natural motion (RGB, normals, truth.csv)',
  usage: 'rigsolve synth-shot --out DIR [--frames N] [--fps F] [--seed S] [--size PX] [--rig GLB] [--no-normal] [--curves FILE.csv] [--json]',
  options: {
    out: { type: 'string' },
    frames: { type: 'string' },
    fps: { type: 'string' },
    seed: { type: 'string' },
    size: { type: 'string' },
    rig: { type: 'string' },
    'no-normal': { type: 'boolean' },
    curves: { type: 'string' },
    json: { type: 'boolean' },
  },
  help: {
    '--out DIR': 'writes DIR/rgb/frame.0001.png…, DIR/normal/frame.0001.png…, DIR/truth.csv',
    '--frames N': 'frames to render (default 120; ignored with --curves)',
    '--fps F': 'frame rate of the motion (default 30)',
    '--seed S': 'random seed: same seed, same shot',
    '--size PX': 'square image size in pixels (default 256)',
    '--rig GLB': 'rig to render (default: the default head)',
    '--no-normal': 'RGB only',
    '--curves FILE.csv': 'render this animation (frame column + one column per control; ARKit-52 names accepted)',
    '--json': 'print the result as JSON',
  },
} satisfies CommandSpec<Record<string, { type: 'string' | 'boolean' }>>;

export async function runSynthShot(argv: string[]): Promise<number> {
  const { values } = parseCommand(shotSpec, argv);
  if (values.help) return (console.log(helpText(shotSpec)), 0);
  const outDir = resolve(requireOption(values.out as string | undefined, '--out', shotSpec.name));
  const frames = intOption(values.frames as string | undefined, '--frames', 1, 1_000_000);
  const size = intOption(values.size as string | undefined, '--size', 16, 4096);
  const seed = intOption(values.seed as string | undefined, '--seed', 0, 2 ** 32 - 1);
  const fps = numberOption(values.fps as string | undefined, '--fps');
  if (fps !== null && (fps <= 0 || fps > 1000)) throw new UsageError(`--fps must be a frame rate above 0 and at most 1000, got ${fps}`);
  let curves;
  if (values.curves) {
    let text: string;
    try {
      text = await readFile(values.curves as string, 'utf8');
    } catch {
      throw new UsageError(`curves file not found: ${values.curves as string}`);
    }
    try {
      curves = parseCurvesCsv(text);
    } catch (err) {
      throw new UsageError(`${values.curves as string}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  const rig = await loadRigFile(values.rig as string | undefined);
  const progress = values.json ? undefined : progressLine('render');
  const r = await writeSynthShot({
    outDir,
    rig,
    normal: !values['no-normal'],
    ...(frames !== null ? { frames } : {}),
    ...(fps !== null ? { fps } : {}),
    ...(seed !== null ? { seed } : {}),
    ...(size !== null ? { size } : {}),
    ...(curves ? { curves } : {}),
    ...(progress ? { onProgress: progress } : {}),
  });
  if (values.json)
    console.log(
      JSON.stringify(
        { outDir: r.outDir, frames: r.frames.length, truthCsv: r.truthCsv, cameraJson: r.cameraJson, unmatchedColumns: r.unmatchedColumns },
        null,
        2,
      ),
    );
  else {
    console.log(`wrote ${r.frames.length} frames to ${r.outDir} (truth in ${r.truthCsv}, camera in ${r.cameraJson})`);
    if (r.unmatchedColumns.length) console.log(`note: columns that match no control were ignored: ${r.unmatchedColumns.join(', ')}`);
  }
  return 0;
}

const dataSpec = {
  name: 'synth-data',
  summary: 'render training data for the solver (memory-mappable shards + the rig basis)',
  usage: 'rigsolve synth-data --out DIR --count N [--size PX] [--seed S] [--shard N] [--rig GLB] [--json]',
  options: {
    out: { type: 'string' },
    count: { type: 'string' },
    size: { type: 'string' },
    seed: { type: 'string' },
    shard: { type: 'string' },
    rig: { type: 'string' },
    json: { type: 'boolean' },
  },
  help: {
    '--out DIR': 'writes DIR/manifest.json, shard-*.{rgb,normal,params}.npy and DIR/basis/',
    '--count N': 'samples to render',
    '--size PX': 'square image size (default 128)',
    '--seed S': 'random seed (held-out sets: use seeds never used for training)',
    '--shard N': 'samples per shard (default 1000)',
    '--rig GLB': 'rig to render (default: the default head)',
    '--json': 'print the manifest as JSON',
  },
} satisfies CommandSpec<Record<string, { type: 'string' | 'boolean' }>>;

export async function runSynthData(argv: string[]): Promise<number> {
  const { values } = parseCommand(dataSpec, argv);
  if (values.help) return (console.log(helpText(dataSpec)), 0);
  const outDir = resolve(requireOption(values.out as string | undefined, '--out', dataSpec.name));
  const count = intOption(requireOption(values.count as string | undefined, '--count', dataSpec.name), '--count', 1, 100_000_000)!;
  const size = intOption(values.size as string | undefined, '--size', 16, 1024);
  const seed = intOption(values.seed as string | undefined, '--seed', 0, 2 ** 32 - 1);
  const shardSize = intOption(values.shard as string | undefined, '--shard', 1, 1_000_000);
  const rig = await loadRigFile(values.rig as string | undefined);
  const progress = values.json ? undefined : progressLine('render');
  const manifest = await writeSynthData({
    outDir,
    rig,
    count,
    ...(size !== null ? { size } : {}),
    ...(seed !== null ? { seed } : {}),
    ...(shardSize !== null ? { shardSize } : {}),
    ...(progress ? { onProgress: progress } : {}),
  });
  if (values.json) console.log(JSON.stringify(manifest, null, 2));
  else console.log(`wrote ${manifest.count} samples of ${manifest.size}² in ${manifest.shards.length} shards to ${outDir}`);
  return 0;
}

const sheetSpec = {
  name: 'rig-sheet',
  summary: 'contact sheet of the rig: neutral plus every control at full value',
  usage: 'rigsolve rig-sheet --out FILE.png [--rig GLB] [--tile PX] [--columns N] [--highlight]',
  options: { out: { type: 'string' }, rig: { type: 'string' }, tile: { type: 'string' }, columns: { type: 'string' }, highlight: { type: 'boolean' } },
  help: {
    '--out FILE.png': 'the PNG to write',
    '--rig GLB': 'rig to render (default: the default head)',
    '--tile PX': 'tile size (default 160)',
    '--columns N': 'tiles per row (default 12)',
    '--highlight': 'tint what moved, so subtle shapes show',
  },
} satisfies CommandSpec<Record<string, { type: 'string' | 'boolean' }>>;

export async function runRigSheet(argv: string[]): Promise<number> {
  const { values } = parseCommand(sheetSpec, argv);
  if (values.help) return (console.log(helpText(sheetSpec)), 0);
  const out = resolve(requireOption(values.out as string | undefined, '--out', sheetSpec.name));
  const tileSize = intOption(values.tile as string | undefined, '--tile', 32, 1024);
  const columns = intOption(values.columns as string | undefined, '--columns', 1, 200);
  const rig = await loadRigFile(values.rig as string | undefined);
  const png = await renderRigSheet(rig, {
    ...(tileSize !== null ? { tileSize } : {}),
    ...(columns !== null ? { columns } : {}),
    highlight: Boolean(values.highlight),
  });
  await safeWriteFile(out, png);
  console.log(`wrote ${out} (${rig.controls.length} controls + neutral)`);
  return 0;
}
