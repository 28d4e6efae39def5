import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../common/api/errors';
import type { EventPayload } from '../../common/api/contract';
import { findShotByName, listShots } from '../../db/shots';
import { listTakes } from '../../db/takes';
import { openProject } from '../../project/session';
import { SolverClient } from '../../solver/client';
import { loadModelInfo } from '../../solver/manifest';
import { defaultModelPath } from '../../solver/models-catalog';
import { DEVICES, type Device } from '../../solver/providers';
import { SolveService, type SolveOutcome } from '../../solver/solve-service';
import { SolveCancelledError, type SolveResult } from '../../solver/solve-shot';
import { EXIT, helpText, numberOption, parseCommand, requireOption, UsageError, type CommandSpec } from '../args';
import { progressLine } from '../progress';

const spec = {
  name: 'solve',
  summary: 'solve shots: per-frame rig control values from the plates',
  usage: 'rigsolve solve --project FILE (--shot NAME | --all) [--model FILE] [--device auto|cpu|cuda|dml|coreml] [--batch N] [--json]',
  options: {
    project: { type: 'string' },
    shot: { type: 'string' },
    all: { type: 'boolean' },
    model: { type: 'string' },
    device: { type: 'string' },
    batch: { type: 'string' },
    json: { type: 'boolean' },
  },
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
  if (!Number.isInteger(batch) || batch < 1 || batch > 256)
    throw new UsageError(`--batch must be a whole number from 1 to 256 (frames per inference batch), got ${batch}`);
  const model = await loadModelInfo(resolve((values.model as string | undefined) ?? defaultModelPath()));

  const project = openProject(projectPath, { create: false });
  // The app's solve queue: the shot shows "solving" while it runs (to an app open on the same
  // project too), a crashed solver process is restarted once, progress comes as events.
  const names = new Map<number, string>();
  const progress = new Map<number, (done: number, total: number) => void>();
  let told = false;
  const service = new SolveService(
    () => project,
    (event, payload) => {
      if (event !== 'solve.progress' || values.json) return;
      const p = payload as EventPayload<'solve.progress'>;
      let line = progress.get(p.shotId);
      if (!line) progress.set(p.shotId, (line = progressLine(`solve ${names.get(p.shotId) ?? p.shotId}`)));
      line(p.done, p.total);
    },
    new SolverClient(),
    {
      onProvider: (provider, notice) => {
        if (notice && !told) console.error(`notice: ${notice}`);
        else if (!told && !values.json) console.error(`solving on ${provider.toUpperCase()}`);
        told = true;
      },
      onFailure: () => {}, // told once, as the command's one line
    },
  );
  // Ctrl+C (or a farm's stop) cancels through the queue, so the shot leaves "solving" and its
  // take resumes next time; a second Ctrl+C quits at once.
  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(EXIT.failure);
    stopping = true;
    service.cancel(null);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
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
    for (const s of shots) names.set(s.id, s.name);
    const outcomes = new Map<number, Promise<SolveOutcome>>();
    const settled = new Map<number, (o: SolveOutcome) => void>();
    for (const s of shots) outcomes.set(s.id, new Promise((resolve) => settled.set(s.id, resolve)));
    if (shots.length > 0)
      await service.enqueue(
        shots.map((s) => s.id),
        model.path,
        device,
        batch,
        (id, o) => settled.get(id)?.(o),
      );
    for (const shot of shots) {
      const outcome = await outcomes.get(shot.id)!;
      // The command stops at the first failure; the shots still queued are cancelled below.
      if (!outcome.ok) throw stopping ? new AppError('badInput', 'solve cancelled; solve again to resume where it stopped') : outcome.error;
      const result = outcome.result;
      results.push({ ...result, shot: shot.name });
      if (!values.json) {
        const failed = result.failedFrames.length
          ? `; ${result.failedFrames.length} unreadable frames filled from neighbours (${result.failedFrames.join(', ')})`
          : '';
        const resumed = result.resumedFrames ? ` (resumed: ${result.resumedFrames} frames were already solved)` : '';
        const speed = `${result.frames} frames on ${result.provider.toUpperCase()} at ${result.framesPerSecond.toFixed(1)} frames/s`;
        console.log(`shot "${shot.name}": take ${result.takeId}, ${speed}${resumed}${failed}`);
      }
    }
    if (values.json) console.log(JSON.stringify(results, null, 2));
    return EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError || err instanceof AppError || err instanceof SolveCancelledError) throw err;
    console.error(`rigsolve solve: the solver failed: ${String((err as Error).message ?? err).split('\n')[0]}`);
    return EXIT.solver;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    service.cancel(null); // after a failure: the shots still queued go back to their status
    await service.idle();
    service.dispose();
    project.close();
  }
}
