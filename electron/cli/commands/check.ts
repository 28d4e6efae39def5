// `rigsolve check`: the command a damaged-project message points to. Reads the project read-only
// and runs SQLite's integrity check; writes nothing, so it is safe on a file that may be damaged.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkProjectFile, RECOVER_HINT } from '../../db/open';
import { EXIT, helpText, parseCommand, requireOption, UsageError, type CommandSpec } from '../args';

const spec = {
  name: 'check',
  summary: "check a project file's integrity (read-only; says how to recover a damaged one)",
  usage: 'rigsolve check --project FILE [--json]',
  options: { project: { type: 'string' }, json: { type: 'boolean' } },
  help: { '--project FILE': 'project file', '--json': 'print the result as JSON' },
} satisfies CommandSpec<Record<string, { type: 'string' | 'boolean' }>>;

/** Exit codes: 0 intact, 1 damaged, 2 bad input. */
export async function runCheck(argv: string[]): Promise<number> {
  const { values } = parseCommand(spec, argv);
  if (values.help) return (console.log(helpText(spec)), 0);
  const path = resolve(requireOption(values.project as string | undefined, '--project', spec.name));
  if (!existsSync(path)) throw new UsageError(`no project at ${path}`);
  const r = checkProjectFile(path);
  if (values.json) console.log(JSON.stringify({ path, ...r }, null, 2));
  else if (r.ok) console.log(`${path}: intact (schema ${r.schema})`);
  else {
    console.log(`${path}: damaged`);
    for (const p of r.problems) console.log(`  ${p}`);
    console.log(`nothing was changed; ${RECOVER_HINT(path)}`);
  }
  return r.ok ? EXIT.ok : EXIT.failure;
}
