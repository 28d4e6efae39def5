import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderDailies, DEFAULT_DAILIES_SIZE, type DailiesResult } from '../../dailies/render-dailies';
import { findShotByName, listShots } from '../../db/shots';
import { ShotStatus } from '../../common/api/schemas';
import { openProject } from '../../project/session';
import { helpText, parseCommand, requireOption, UsageError, type CommandSpec } from '../args';
import { progressLine } from '../progress';

const spec = {
  name: 'dailies',
  summary: 'render dailies: plate and head side by side with burn-ins, as an H.264 movie',
  usage: 'rigsolve dailies --project FILE (--shot NAME... | --status STATUS) --out FILE.mp4 [--size WxH] [--notes] [--overlay] [--artist NAME] [--json]',
  options: {
    project: { type: 'string' },
    shot: { type: 'string', multiple: true },
    status: { type: 'string' },
    out: { type: 'string' },
    size: { type: 'string' },
    notes: { type: 'boolean' },
    overlay: { type: 'boolean' },
    artist: { type: 'string' },
    json: { type: 'boolean' },
  },
  help: {
    '--project FILE': 'project file',
    '--shot NAME': 'a shot to include (repeat for several, in that order)',
    '--status STATUS': 'every shot with this status, by name (e.g. approved)',
    '--out FILE.mp4': 'the movie to write (.mp4 or .mov)',
    '--size WxH': `frame size (default ${DEFAULT_DAILIES_SIZE.width}x${DEFAULT_DAILIES_SIZE.height})`,
    '--notes': "draw the open notes' drawings and words on their frames",
    '--overlay': 'the plate behind the head in the right half',
    '--artist NAME': "the artist burnt in (default: who last set each shot's status)",
    '--json': 'print the result as JSON',
  },
} satisfies CommandSpec<Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>;

function parseSize(text: string | undefined): { width: number; height: number } {
  if (text === undefined) return { ...DEFAULT_DAILIES_SIZE };
  const m = /^(\d{3,4})x(\d{3,4})$/i.exec(text.trim());
  if (!m) throw new UsageError(`--size must look like 1280x720, got "${text}"`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

export async function runDailies(argv: string[]): Promise<number> {
  const { values } = parseCommand(spec, argv);
  if (values.help) return (console.log(helpText(spec)), 0);
  const projectPath = requireOption(values.project as string | undefined, '--project', spec.name);
  const out = resolve(requireOption(values.out as string | undefined, '--out', spec.name));
  const shots = (values.shot as string[] | undefined) ?? [];
  const status = values.status as string | undefined;
  if (shots.length > 0 === (status !== undefined)) throw new UsageError('give either --shot NAME (one or more) or --status STATUS');
  if (status !== undefined && !ShotStatus.safeParse(status).success) throw new UsageError(`--status must be one of ${ShotStatus.options.join(', ')}`);
  const size = parseSize(values.size as string | undefined);
  if (!existsSync(projectPath)) throw new UsageError(`no project at ${projectPath}`);
  const project = openProject(projectPath, { create: false });
  try {
    const ids =
      status !== undefined
        ? listShots(project.db)
            .filter((s) => s.status === status)
            .map((s) => s.id)
        : shots.map((name) => {
            const s = findShotByName(project.db, name);
            if (!s) throw new UsageError(`no shot named "${name}"`);
            return s.id;
          });
    if (ids.length === 0) throw new UsageError(`no shot is ${status}`);
    const progress = values.json ? undefined : progressLine('dailies');
    // Ctrl+C stops at the next frame and removes the unfinished movie.
    const stop = new AbortController();
    const onInterrupt = () => stop.abort();
    process.once('SIGINT', onInterrupt);
    const result = await renderDailies(project.db, {
      signal: stop.signal,
      shotIds: ids,
      out,
      project: project.name,
      ...size,
      notes: values.notes === true,
      overlay: values.overlay === true,
      artist: (values.artist as string | undefined) ?? null,
      ...(progress ? { onProgress: (p) => progress(p.done, p.total) } : {}),
    });
    process.off('SIGINT', onInterrupt);
    console.log(values.json ? JSON.stringify(result, null, 2) : formatResult(result));
    return 0;
  } finally {
    project.close();
  }
}

function formatResult(r: DailiesResult): string {
  return (
    `wrote ${r.path}: ${r.shots.length} shot${r.shots.length === 1 ? '' : 's'} (${r.shots.join(', ')}), ${r.frames} frames, ` +
    `${r.width}×${r.height} at ${r.fps} fps, H.264; rendered at ${r.framesPerSecond.toFixed(1)} frames/s`
  );
}
