import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../common/api/errors';
import { DEFAULT_CONTROL_NAMES } from '../../common/controls';
import { findShotByName, listShots } from '../../db/shots';
import { listTakes } from '../../db/takes';
import { openProject } from '../../project/session';
import { SolverClient } from '../../solver/client';
import { loadModelInfo } from '../../solver/manifest';
import { defaultModelPath } from '../../solver/models-catalog';
import { DEVICES, type Device } from '../../solver/providers';
import { SolveCancelledError, solveShot, type SolveResult } from '../../solver/solve-shot';
import { EXIT, helpText, numberOption, parseCommand, requireOption, UsageError, type CommandSpec } from '../args';
import { progressLine } from '../progress';

const spec = {
  name: 'solve',
  summary: 'solve shots: per-frame rig control values from the plates',
  usage: 'rigsolve solve --project FILE (--shot NAME | --all) [--model FILE] [--device auto|cpu|cuda|dml|coreml] [--batch N] [--json]',
  options: { project: { type: 'string' }, shot: { type: 'string' }, all: { type: 'boolean' }, model: { type: 'string' }, device: { type: 'string' }, batch: { type: 'string' }, json: { type: 'boolean' } },
  help: {
    '--project FILE': 'project file',
    '--shot NAME': 'the shot to solve (a new take; an interrupted solve of the same settings resumes)',
    '--all': 'every shot without a complete take',
    '--model FILE': 'ONNX model with its manifest beside it (default: the bundled default model)',
    '--device D': 'auto (GPU if present, default), cpu, cuda, dml or coreml; falls back to CPU with a notice',
    '--batch N': 'frames per inference batch (default 16)',
    '--json': 'print the results as JSON',
  },
} satisfies CommandSpec<Record<string, { type: 'string' | 'boolean' }>>;

/** Exit codes: 2 bad input (arguments, project, shot, model), 3 the solver itself failed. */
export async function runSolve(argv: string[]): Promise<number> {
  const { values } = parseCommand(spec, argv);
  if (values.help) return (console.log(helpText(spec)), 0);
  const projectPath = requireOption(values.project as string | undefined, '--project', spec.name);
  if (!existsSync(projectPath)) throw new UsageError(`no project at ${projectPath}`);
  if (!values.shot === !values.all) throw new UsageError('give either --shot NAME or --all');
  const device = ((values.device as string | undefined) ?? 'auto') as Device;
  if (!DEVICES.includes(device)) throw new UsageError(`--device must be one of ${DEVICES.join(', ')}`);
  const batch = numberOption(values.batch as string | undefined, '--batch') ?? 16;
  if (!Number.isInteger(batch) || batch < 1 || batch > 256) throw new UsageError('--batch must be a whole number from 1 to 256');
  const model = await loadModelInfo(resolve((values.model as string | undefined) ?? defaultModelPath()));

  const project = openProject(projectPath, { create: false });
  const client = new SolverClient();
  const results: (SolveResult & { shot: string })[] = [];
  try {
    let shots;
    if (values.all) {
      shots = listShots(project.db).filter((s) => s.importState === 'complete' && !listTakes(project.db, s.id).some((t) => t.state === 'complete'));
    } else {
      const shot = findShotByName(project.db, values.shot as string);
      if (!shot) throw new UsageError(`no shot named "${values.shot as string}" in ${projectPath}`);
      shots = [shot];
    }
    if (shots.length === 0 && !values.json) console.log('every shot is solved');
    let told = false;
    for (const shot of shots) {
      const progress = values.json ? null : progressLine(`solve ${shot.name}`);
      const result = await solveShot(project.db, shot.id, {
        model,
        client,
        rigControls: DEFAULT_CONTROL_NAMES,
        device,
        batch,
        onProvider: (provider, notice) => {
          if (notice && !told) console.error(`notice: ${notice}`);
          else if (!told && !values.json) console.error(`solving on ${provider.toUpperCase()}`);
          told = true;
        },
        onProgress: (p) => progress?.(p.done, p.total),
      });
      results.push({ ...result, shot: shot.name });
      if (!values.json) {
        const failed = result.failedFrames.length ? `; ${result.failedFrames.length} unreadable frames filled from neighbours (${result.failedFrames.join(', ')})` : '';
        console.log(`shot "${shot.name}": take ${result.takeId}, ${result.frames} frames on ${result.provider.toUpperCase()} at ${result.framesPerSecond.toFixed(1)} frames/s${result.resumedFrames ? ` (resumed: ${result.resumedFrames} frames were already solved)` : ''}${failed}`);
      }
    }
    if (values.json) console.log(JSON.stringify(results, null, 2));
    return EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError || err instanceof AppError || err instanceof SolveCancelledError) throw err;
    console.error(`rigsolve solve: the solver failed: ${String((err as Error).message ?? err).split('\n')[0]}`);
    return EXIT.solver;
  } finally {
    client.dispose();
    project.close();
  }
}
