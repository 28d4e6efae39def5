import { existsSync } from 'node:fs';
import { listShots } from '../../db/shots';
import { openProject } from '../../project/session';
import { helpText, parseCommand, requireOption, UsageError, type CommandSpec } from '../args';

const spec = {
  name: 'shots',
  summary: 'list the shots of a project',
  usage: 'rigsolve shots --project FILE [--json]',
  options: { project: { type: 'string' }, json: { type: 'boolean' } },
  help: { '--project FILE': 'project file', '--json': 'print the shots as JSON' },
} satisfies CommandSpec<Record<string, { type: 'string' | 'boolean' }>>;

export async function runShots(argv: string[]): Promise<number> {
  const { values } = parseCommand(spec, argv);
  if (values.help) return (console.log(helpText(spec)), 0);
  const projectPath = requireOption(values.project as string | undefined, '--project', spec.name);
  if (!existsSync(projectPath)) throw new UsageError(`no project at ${projectPath}`);
  const project = openProject(projectPath, { create: false });
  try {
    const shots = listShots(project.db);
    if (values.json) {
      console.log(JSON.stringify(shots, null, 2));
      return 0;
    }
    if (shots.length === 0) {
      console.log('no shots');
      return 0;
    }
    // The slate's columns come last, and only when some shot has one.
    const slated = shots.some((s) => s.scene !== null || s.captureTake !== null || s.actor !== null || s.startTimecode !== null);
    const slate = (s: (typeof shots)[number]) => (slated ? [s.scene ?? '-', s.captureTake ?? '-', s.actor ?? '-', s.startTimecode ?? '-'] : []);
    const rows = shots.map((s) => [
      s.name,
      String(s.frameCount),
      s.firstFrame === null ? '-' : `${s.firstFrame}-${s.lastFrame}`,
      String(s.fps),
      s.status,
      s.importState === 'complete' ? String(s.warningCount) : `${s.warningCount} (import unfinished: import again to resume)`,
      ...slate(s),
    ]);
    const head = ['shot', 'frames', 'range', 'fps', 'status', 'warnings', ...(slated ? ['scene', 'take', 'actor', 'start tc'] : [])];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmt = (r: string[]): string =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd();
    console.log([fmt(head), ...rows.map(fmt)].join('\n'));
    return 0;
  } finally {
    project.close();
  }
}
