// A seeded fuzzer of the browser host's API socket: valid channels with mangled arguments, random
// channels, mangled envelopes, truncated messages, and (on throwaway sockets) oversize messages and
// invalid UTF-8. It checks what issue #16 asks: the host stays up, every request whose id can be read
// is answered, nothing is answered `internal`, and the project changes only when a call that changes
// it succeeded. Used by test/electron/host/fuzz.test.ts (short) and `npm run bench -- fuzz` (long).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importCapture } from '../../electron/capture/import-capture';
import type { ApiResponse } from '../../electron/common/api/contract';
import { writeTestSequence } from '../../electron/demo/test-pattern';
import { CHANNEL_NAMES, CHANNELS } from '../../electron/common/api/contract';
import { MAX_MESSAGE_BYTES } from '../../electron/host/api-sockets';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host';
import { connectApi, type ApiClient } from './api-client';
import { projectState } from './project-state';
import { mulberry32 as rng } from './seeded';

export interface FuzzOptions {
  seed: number;
  calls: number;
  /** The project the host serves; its folder holds the paths the fuzzer aims at. */
  project: string;
  /** A shot of the project, so mangled calls start from arguments that reach the handlers. */
  shotId: number;
  /** Requests sent before waiting for their replies. */
  batch?: number;
  /** One oversize message (on its own socket) per this many calls; 0 for none. */
  oversizeEvery?: number;
}

export interface FuzzFailure {
  kind: 'internal' | 'unanswered' | 'unexplained change' | 'host down' | 'integrity';
  call: number;
  request: string;
  detail: string;
}

export interface FuzzReport {
  seed: number;
  calls: number;
  answered: number;
  /** Requests whose id could be read (so an answer is owed). */
  owed: number;
  ok: number;
  /** Successful calls per channel (a read-only host must show none on write or host channels). */
  okByChannel: Record<string, number>;
  byCode: Record<string, number>;
  internal: number;
  unanswered: number;
  /** Times the host could not be reached, or broke a socket it should have kept. */
  crashes: number;
  oversize: number;
  truncated: number;
  badUtf8: number;
  /** Successful calls that may change the project (after each, the project is compared afresh). */
  acceptedWrites: number;
  ms: number;
  failures: FuzzFailure[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Whether a channel may change the project when it succeeds. */
const mayWrite = (channel: string): boolean => channel in CHANNELS && CHANNELS[channel as keyof typeof CHANNELS].access !== 'read';

export async function fuzzHost(host: BrowserHost, opts: FuzzOptions): Promise<FuzzReport> {
  const r = rng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (n: number): number => Math.floor(r() * n);
  const dir = join(opts.project, '..');
  const S = opts.shotId;
  const paths = [
    dir,
    join(dir, 'rgb'),
    join(dir, 'nope'),
    join(dir, 'junk.txt'),
    join(dir, 'junk.glb'),
    join(dir, 'junk.onnx'),
    join(dir, 'out', 'a.csv'),
    join(dir, '..', '..', 'etc'),
    opts.project,
    '/',
    '/etc/passwd',
    '/dev/null',
    '/proc/self/x',
    '',
    '.',
    '..',
    '\0',
    'C:\\Windows',
    'file:///etc',
  ];
  const strings = [
    '',
    ' ',
    'a',
    'jawOpen',
    'tailWag',
    'csv',
    'approved',
    'linear',
    '__proto__',
    'constructor',
    '💥\u0000\uffff',
    '%s%n',
    '${x}',
    "'; DROP TABLE shots;--",
  ];
  const numbers = [0, -0, 1, -1, 0.5, S, S + 1, 999, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, 5e-324, 3.7, 100_000];
  const randomValue = (depth = 0): Json => {
    const k = int(depth > 3 ? 5 : 9);
    if (k === 0) return null;
    if (k === 1) return r() < 0.5;
    if (k === 2) return pick(numbers);
    if (k === 3) return pick(strings);
    if (k === 4) return pick(paths);
    if (k === 5) return Array.from({ length: int(4) }, () => randomValue(depth + 1));
    if (k === 6) return Object.fromEntries(Array.from({ length: int(4) }, () => [pick([...strings, 'shotId', 'path', 'frame']), randomValue(depth + 1)]));
    if (k === 7) return 'x'.repeat(pick([1000, 100_000, 1_000_000]));
    // Deep nesting: parsers and validators that recurse should not fall over.
    let v: Json = 1;
    for (let i = 0, n = pick([10, 100, 500]); i < n; i++) v = r() < 0.5 ? [v] : { a: v };
    return v;
  };
  const keys = (ctl: string): Json => [
    { frame: 1 + int(8), value: r(), interp: pick(['linear', 'flat', 'step', 'auto']) },
    { frame: 3, value: 0.2, interp: ctl },
  ];
  /** Arguments that pass validation (or nearly): the starting point for mutations. */
  const template = (channel: string): Json => {
    switch (channel) {
      case 'project.open':
        return { path: opts.project };
      case 'shot.get':
      case 'shot.frames':
      case 'takes.list':
      case 'layer.get':
      case 'edits.undo':
      case 'edits.redo':
      case 'notes.list':
        return { shotId: S };
      case 'capture.import':
        return { shotName: `f${int(3)}`, rgbSource: join(dir, 'rgb'), fps: 24 };
      case 'fs.listDir':
        return { path: pick([dir, null]) };
      case 'shot.setCrop':
        return { shotId: S, crop: pick([null, { x: 0, y: 0, size: 16 }]) };
      case 'shot.setFov':
        return { shotId: S, fovDeg: pick([null, 30]) };
      case 'shot.setSlate':
        return { shotId: S, slate: pick<Json>([{ scene: 'sc01' }, { startTimecode: '01:00:00:00', actor: null }]) };
      case 'shots.applyNamePattern':
        return { shotIds: [S], pattern: pick(['{scene}_{take}', 'sc{scene}']) };
      case 'models.list':
        return { shotId: S };
      case 'solve.start':
        return { shotIds: [S], modelPath: join(dir, 'junk.onnx'), device: 'cpu' };
      case 'solve.cancel':
        return { shotId: S };
      case 'edits.apply':
        return {
          shotId: S,
          transaction: {
            label: 'fuzz',
            ops: [
              pick<Json>([
                { op: 'setKeys', control: 'jawOpen', keys: keys('linear') },
                { op: 'setFalloff', frames: 4 },
              ]),
            ],
          },
        };
      case 'shot.setStatus':
        return { shotId: S, status: pick(['todo', 'cleanup', 'review', 'approved', 'needsFixes']), by: 'fuzz', note: null };
      case 'notes.add':
        return { shotId: S, frameStart: 1, frameEnd: 3, text: 'fuzz', author: 'fuzz' };
      case 'notes.resolve':
        return { noteId: 1, resolved: r() < 0.5, by: 'fuzz' };
      case 'export.shot':
        return { shotId: S, format: pick(['csv', 'json', 'anim', 'arkit', 'glb']), out: join(dir, 'out', `f.${int(5)}`) };
      case 'export.approved':
        return { format: 'csv', outDir: join(dir, 'out') };
      case 'take.setActive':
        return { shotId: S, takeId: 1 };
      case 'rig.inspect':
        return { path: join(dir, 'junk.glb') };
      case 'shot.setRig':
        return { shotId: S, path: null };
      default:
        return {};
    }
  };
  const mutate = (v: Json, depth = 0): Json => {
    if (v === null || typeof v !== 'object' || depth > 4 || r() < 0.25) return r() < 0.5 ? randomValue() : v;
    if (Array.isArray(v)) {
      const a = v.map((x) => (r() < 0.3 ? mutate(x, depth + 1) : x));
      if (r() < 0.2) a.push(randomValue(depth + 1));
      if (r() < 0.2) a.splice(int(a.length + 1), 1);
      return a;
    }
    const o: { [k: string]: Json } = { ...v };
    const ks = Object.keys(o);
    for (const k of ks) if (r() < 0.35) o[k] = mutate(o[k]!, depth + 1);
    if (ks.length && r() < 0.15) delete o[pick(ks)];
    if (r() < 0.1) o[pick(['extra', '__proto__', 'constructor', 'shotId'])] = randomValue(depth + 1);
    return o;
  };
  /** Keeps the fuzzer from doing what it may not: start real solves, or create project files. */
  const tame = (channel: string, args: Json): Json => {
    if (args === null || typeof args !== 'object' || Array.isArray(args)) return args;
    if (channel === 'solve.start') return { ...args, modelPath: join(dir, 'junk.onnx') };
    if (channel === 'project.open') return { ...args, create: false };
    return args;
  };

  const report: FuzzReport = {
    seed: opts.seed,
    calls: 0,
    answered: 0,
    owed: 0,
    ok: 0,
    okByChannel: {},
    byCode: {},
    internal: 0,
    unanswered: 0,
    crashes: 0,
    oversize: 0,
    truncated: 0,
    badUtf8: 0,
    acceptedWrites: 0,
    ms: 0,
    failures: [],
  };
  const fail = (f: FuzzFailure): void => {
    if (report.failures.length < 50) report.failures.push(f);
  };
  const started = performance.now();
  let api: ApiClient = await connectApi(host);
  let baseline = projectState(opts.project);
  let nextId = 1;
  const batch = opts.batch ?? 32;
  const oversizeEvery = opts.oversizeEvery ?? 2000;

  /** A throwaway socket that the host must close (oversize: 1009, bad UTF-8: 1007) without harm to others. */
  const hostile = async (kind: 'oversize' | 'badUtf8', call: number): Promise<void> => {
    const c = await connectApi(host);
    if (kind === 'oversize') c.send('{"id":1,"channel":"shots.list","args":"' + 'x'.repeat(MAX_MESSAGE_BYTES) + '"}');
    else c.ws.send(Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0xfe]), { binary: false });
    const want = kind === 'oversize' ? 1009 : 1007;
    const closed = await Promise.race([c.closed, new Promise<null>((res) => setTimeout(() => res(null), 10_000))]);
    if (!closed || closed.code !== want) {
      report.crashes++;
      fail({ kind: 'host down', call, request: kind, detail: `expected close ${want}, got ${closed ? closed.code : 'no close'}` });
    }
    report[kind]++;
  };

  while (report.calls < opts.calls) {
    const owed: { id: number; channel: string; text: string; call: number }[] = [];
    for (let i = 0; i < batch && report.calls < opts.calls; i++) {
      const call = report.calls++;
      if (oversizeEvery > 0 && call % oversizeEvery === oversizeEvery - 1) {
        await hostile('oversize', call);
        continue;
      }
      const id = nextId++;
      const roll = r();
      let channel: string = pick(CHANNEL_NAMES);
      let text: string;
      if (roll < 0.55) text = JSON.stringify({ id, channel, args: tame(channel, mutate(template(channel))) });
      else if (roll < 0.65) text = JSON.stringify({ id, channel, args: tame(channel, randomValue()) });
      else if (roll < 0.75) {
        channel = pick([
          '__proto__',
          'constructor',
          'toString',
          'hasOwnProperty',
          `${channel}.x`,
          channel.toUpperCase(),
          ` ${channel}`,
          '',
          String.fromCharCode(...Array.from({ length: int(20) }, () => 32 + int(95))),
        ]);
        text = JSON.stringify({ id, channel, args: randomValue() });
      } else if (roll < 0.85) {
        // A mangled envelope: an id the host can read is owed an answer; one it cannot is only counted.
        const env = pick<Json>([
          { id, channel: 7, args: {} },
          { id, args: {} },
          { id, channel, args: {}, extra: randomValue() },
          { id: String(id), channel, args: {} },
          { id: id + 0.5, channel, args: {} },
          { id: -id, channel, args: {} },
          [id, channel],
          null,
          { channel, args: {} },
        ]);
        text = JSON.stringify(env);
        const readableId = env !== null && !Array.isArray(env) && typeof env === 'object' && typeof env.id === 'number' && Number.isInteger(env.id);
        if (readableId && typeof env === 'object' && env !== null && !Array.isArray(env)) owed.push({ id: env.id as number, channel, text, call });
        api.send(text);
        continue;
      } else if (roll < 0.87) {
        // Nesting deeper than any value above, written as text: the host's parser and validators must not overflow.
        const n = pick([1000, 10_000, 100_000]);
        const open = r() < 0.5 ? '[' : '{"a":';
        text = `{"id":${id},"channel":"${channel}","args":${open.repeat(n)}1${(open === '[' ? ']' : '}').repeat(n)}}`;
      } else if (roll < 0.97) {
        // Truncated: a valid request cut short; an answer is not owed (its id may be cut off too).
        const whole = JSON.stringify({ id, channel, args: template(channel) });
        text = whole.slice(0, 1 + int(whole.length - 1));
        report.truncated++;
        api.send(text);
        continue;
      } else {
        await hostile('badUtf8', call);
        continue;
      }
      owed.push({ id, channel, text, call });
      api.send(text);
    }
    report.owed += owed.length;
    let wrote = false;
    for (const o of owed) {
      const res: ApiResponse<unknown> | null = await api.reply(o.id, 15_000);
      if (!res) {
        report.unanswered++;
        fail({ kind: 'unanswered', call: o.call, request: o.text.slice(0, 300), detail: 'no reply in 15 s' });
        continue;
      }
      report.answered++;
      if (res.ok) {
        report.ok++;
        report.okByChannel[o.channel] = (report.okByChannel[o.channel] ?? 0) + 1;
        if (mayWrite(o.channel)) {
          wrote = true;
          report.acceptedWrites++;
        }
      } else {
        report.byCode[res.error.code] = (report.byCode[res.error.code] ?? 0) + 1;
        if (res.error.code === 'internal') {
          report.internal++;
          fail({ kind: 'internal', call: o.call, request: o.text.slice(0, 300), detail: res.error.message.slice(0, 300) });
        }
      }
    }
    // The host must still be there, on this socket and on a new one.
    if (api.ws.readyState !== api.ws.OPEN) {
      report.crashes++;
      fail({ kind: 'host down', call: report.calls, request: '', detail: 'the host closed the fuzzing socket' });
      api = await connectApi(host);
    }
    const state = projectState(opts.project);
    if (state.integrity !== 'ok') fail({ kind: 'integrity', call: report.calls, request: '', detail: state.integrity });
    if (!wrote && state.hash !== baseline.hash) {
      fail({ kind: 'unexplained change', call: report.calls, request: '', detail: `rows ${JSON.stringify(baseline.rows)} → ${JSON.stringify(state.rows)}` });
    }
    baseline = state;
  }
  try {
    const probe = await connectApi(host);
    const info = await probe.call('project.info', {}, 10_000);
    if (!info?.ok) throw new Error(info ? info.error.message : 'no reply');
    probe.close();
  } catch (err) {
    report.crashes++;
    fail({ kind: 'host down', call: report.calls, request: 'project.info', detail: (err as Error).message });
  }
  api.close();
  report.ms = performance.now() - started;
  return report;
}

/** One line of figures for logs and the bench table's notes. */
export function describeFuzz(r: FuzzReport): string {
  return (
    `seed ${r.seed}: ${r.calls} calls in ${(r.ms / 1000).toFixed(1)} s, ${r.answered}/${r.owed} owed answers, ${r.ok} ok, ` +
    `${r.acceptedWrites} accepted writes, codes ${JSON.stringify(r.byCode)}, ${r.internal} internal, ${r.unanswered} unanswered, ` +
    `${r.crashes} crashes, ${r.truncated} truncated, ${r.oversize} oversize, ${r.badUtf8} bad UTF-8, ${r.failures.length} failures`
  );
}

/** A started host on a new project in `dir` with one imported shot, and the junk files the fuzzer aims paths at. */
export async function startFuzzHost(dir: string): Promise<{ host: BrowserHost; project: string; shotId: number }> {
  await writeTestSequence({ dir: join(dir, 'rgb'), first: 1, count: 8, width: 16, height: 16 });
  await mkdir(join(dir, 'out'));
  for (const name of ['junk.txt', 'junk.glb', 'junk.onnx']) await writeFile(join(dir, name), 'junk\n');
  const project = join(dir, 'p.rigsolve');
  const host = await startBrowserHost({ projectPath: project, rendererDir: join(dir, 'no-renderer'), sockets: { log: () => {} } });
  const s = host.context.session()!;
  const shot = await importCapture(
    s.db,
    { shotName: 'a', rgbSource: join(dir, 'rgb'), normalSource: null, fps: 24, normalConvention: 'opengl' },
    { cacheDir: s.cacheDir },
  );
  return { host, project, shotId: shot.shot.id };
}
