import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { REGIONS } from '../../common/controls';
import { MOVING_STD } from '../../eval/metrics';
import { evaluateDataset, evaluateShot, type DatasetEval, type EvalMode, type ShotEval } from '../../eval/run-eval';
import { evaluateTake, type TakeEval } from '../../eval/take-eval';
import { openProject } from '../../project/session';
import { SolverClient } from '../../solver/client';
import { loadModelInfo } from '../../solver/manifest';
import { defaultModelPath } from '../../solver/models-catalog';
import { DEVICES, type Device } from '../../solver/providers';
import { helpText, numberOption, parseCommand, UsageError, type CommandSpec } from '../args';
import { progressLine } from '../progress';

const spec = {
  name: 'eval',
  summary:
    'measure a model against the truth (the figures of models/EVAL.md) from Node: ' +
    'every MAE beside the all-zeros predictor and the best constant, with skill and Pearson r',
  usage:
    'rigsolve eval [--model FILE] (--data DIR | --shot DIR) [--mode both|rgb|normal] [--device D] [--batch N] [--per-control] [--json]\n' +
    '       rigsolve eval --project FILE --solved-shot NAME --truth truth.csv [--take ID] [--per-control] [--json]',
  options: {
    model: { type: 'string' },
    data: { type: 'string' },
    shot: { type: 'string' },
    project: { type: 'string' },
    'solved-shot': { type: 'string' },
    truth: { type: 'string' },
    take: { type: 'string' },
    mode: { type: 'string' },
    device: { type: 'string' },
    batch: { type: 'string' },
    'per-control': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  help: {
    '--model FILE': 'ONNX model with its manifest (default: the bundled default model)',
    '--data DIR': 'a `rigsolve synth-data` folder: control figures overall and per region, vertex error (mm)',
    '--shot DIR': 'a `rigsolve synth-shot` folder with truth.csv: control figures overall and per region, frame-to-frame jitter',
    '--mode M': 'both (default), rgb (normal maps fed as absent) or normal (RGB fed as absent)',
    '--device D': `one of ${DEVICES.join(', ')} (default auto)`,
    '--batch N': 'frames per batch (default 32)',
    '--project FILE': 'with --solved-shot and --truth: score a take already solved in the project',
    '--solved-shot NAME': "the project's shot whose take is scored (its active take unless --take)",
    '--truth FILE': 'truth.csv of that shot (frame column + one column per control)',
    '--take ID': 'the take to score instead of the active one',
    '--per-control': 'also print one row per control: region, Pearson r, MAE, skill',
    '--json': 'print the figures as JSON (always with the per-control table)',
  },
} satisfies CommandSpec<Record<string, { type: 'string' | 'boolean' }>>;

export async function runEval(argv: string[]): Promise<number> {
  const { values } = parseCommand(spec, argv);
  if (values.help) return (console.log(helpText(spec)), 0);
  if (values.project || values['solved-shot'] || values.truth) return scoreTake(values);
  if (!values.data === !values.shot) throw new UsageError('give either --data DIR or --shot DIR');
  const mode = ((values.mode as string | undefined) ?? 'both') as EvalMode;
  if (!['both', 'rgb', 'normal'].includes(mode)) throw new UsageError('--mode must be both, rgb or normal');
  const device = ((values.device as string | undefined) ?? 'auto') as Device;
  if (!DEVICES.includes(device)) throw new UsageError(`--device must be one of ${DEVICES.join(', ')}`);
  const batch = numberOption(values.batch as string | undefined, '--batch') ?? 32;
  const model = await loadModelInfo(resolve((values.model as string | undefined) ?? defaultModelPath()));
  const client = new SolverClient();
  try {
    await client.load(model.path, device, 0);
    const progress = values.json ? undefined : progressLine(`eval ${model.manifest.id}`);
    const ctx = { model, client, batch, ...(progress ? { onProgress: progress } : {}) };
    const result = values.data
      ? await evaluateDataset(resolve(values.data as string), mode, ctx)
      : await evaluateShot(resolve(values.shot as string), mode, ctx);
    console.log(
      values.json
        ? JSON.stringify({ model: model.manifest.id, ...result }, null, 2)
        : formatEval(model.manifest.id, result, { perControl: values['per-control'] === true }),
    );
    return 0;
  } finally {
    client.dispose();
  }
}

async function scoreTake(values: Record<string, string | boolean | undefined>): Promise<number> {
  const [project, shot, truth] = [values.project, values['solved-shot'], values.truth] as (string | undefined)[];
  if (!project || !shot || !truth) throw new UsageError('scoring a solved take needs --project FILE, --solved-shot NAME and --truth FILE');
  const takeId = numberOption(values.take as string | undefined, '--take');
  const text = await readFile(resolve(truth), 'utf8').catch(() => {
    throw new UsageError(`cannot read ${truth}`);
  });
  const session = openProject(resolve(project), { readOnly: true });
  try {
    const r = evaluateTake(session.db, shot, text, takeId ?? undefined);
    console.log(values.json ? JSON.stringify(r, null, 2) : formatEval(r.modelId, r, { perControl: values['per-control'] === true }));
    return 0;
  } finally {
    session.close();
  }
}

/**
 * The figures as text. Every MAE stands beside what predicting 0 everywhere and the best constant
 * per control (the truth's median, an oracle) score: an MAE alone says nothing about whether the
 * solve follows the face (a model worse than a constant once shipped on a "good" MAE).
 */
export function formatEval(modelId: string, r: DatasetEval | ShotEval | TakeEval, opts: { perControl?: boolean } = {}): string {
  const order = (region: string): number => (REGIONS as readonly string[]).indexOf(region);
  const lines = ['takeId' in r ? `take ${r.takeId} of shot "${r.shot}" (model ${modelId})` : `model ${modelId}, inputs: ${r.mode}`];
  const mae = `control MAE ${f4(r.mae)} (all-zeros ${f4(r.zeroMae)}, best constant ${f4(r.constMae)}: skill ${skillText(r.skill)})`;
  if ('samples' in r) lines.push(`${r.samples} samples: ${mae}, vertex error mean ${r.vertexMeanMm.toFixed(3)} mm, p95 ${r.vertexP95Mm.toFixed(3)} mm`);
  else lines.push(`${r.frames} frames: ${mae}, jitter ${f4(r.jitterPredicted)} (truth ${f4(r.jitterTruth)})`);
  lines.push(`mean Pearson r ${rText(r.meanR)} over ${r.moving} moving controls (truth std > ${MOVING_STD}; a constant solve counts 0)`);
  lines.push('best constant: the truth’s median per control over the evaluated set, an oracle no solver has; skill = 1 − MAE / best-constant MAE');
  lines.push('');
  lines.push(`${'region'.padEnd(12)}  ${'MAE'.padStart(6)}  ${'zeros'.padStart(6)}  ${'const'.padStart(6)}  ${'skill'.padStart(6)}  ${'mean r'.padStart(6)}`);
  for (const g of [...r.byRegion].sort((a, b) => order(a.region) - order(b.region))) {
    const figures = `${f4(g.mae)}  ${f4(g.zeroMae)}  ${f4(g.constMae)}  ${skillText(g.skill).padStart(6)}  ${rText(g.meanR).padStart(6)}`;
    lines.push(`${g.region.padEnd(12)}  ${figures}${worse(g.skill)}`);
  }
  if (opts.perControl) {
    lines.push('');
    lines.push(`${'control'.padEnd(22)}  ${'region'.padEnd(12)}  ${'r'.padStart(6)}  ${'MAE'.padStart(6)}  ${'const'.padStart(6)}  ${'skill'.padStart(6)}`);
    for (const c of r.byControl) {
      const figures = `${rText(c.r).padStart(6)}  ${f4(c.mae)}  ${f4(c.constMae)}  ${skillText(c.skill).padStart(6)}`;
      lines.push(`${c.control.padEnd(22)}  ${c.region.padEnd(12)}  ${figures}${worse(c.skill)}`);
    }
    lines.push(`r —: the truth does not move (std ≤ ${MOVING_STD}); skill —: the truth is constant`);
  }
  return lines.join('\n');
}

const f4 = (x: number): string => x.toFixed(4);
const skillText = (s: number | null): string => (s === null ? '—' : s.toFixed(2));
const rText = (r: number | null): string => (r === null ? '—' : r.toFixed(2));
const worse = (s: number | null): string => (s !== null && s < 0 ? '  worse than a constant' : '');
