// Shared CLI plumbing: option parsing with --help on every command, one-line failures, --json.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../common/api/errors';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec<O extends Options> {
  name: string;
  summary: string;
  usage: string;
  options: O;
  /** One line per option, shown by --help. */
  help: Record<string, string>;
}

/** Exit codes: 0 done, 1 failure in the work itself, 2 bad input (arguments, files), 3 solver failure (later). */
export const EXIT = { ok: 0, failure: 1, badInput: 2, solver: 3 } as const;

export class UsageError extends Error {}

/**
 * `--batch -1`: node's parser reads "-1" as an option and says "argument is ambiguous". A value
 * that looks like a negative number after an option that takes a value is joined to it
 * (`--batch=-1`), so the option's own check says what is wrong with it.
 */
function joinNegativeValues(options: Options, argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : null;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export function parseCommand<O extends Options>(spec: CommandSpec<O>, argv: string[]) {
  try {
    return parseArgs({
      args: joinNegativeValues(spec.options, argv),
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]} (see rigsolve ${spec.name} --help)`);
  }
}

export function helpText<O extends Options>(spec: CommandSpec<O>): string {
  const lines = [`rigsolve ${spec.name} — ${spec.summary}`, '', `usage: ${spec.usage}`, '', 'options:'];
  for (const [name, text] of Object.entries(spec.help)) lines.push(`  ${name.padEnd(26)} ${text}`);
  lines.push(`  ${'-h, --help'.padEnd(26)} show this help`);
  return lines.join('\n');
}

export function requireOption(value: string | undefined, flag: string, command: string): string {
  if (!value) throw new UsageError(`missing ${flag} (see rigsolve ${command} --help)`);
  return value;
}

export function numberOption(value: string | undefined, flag: string): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`${flag} must be a number, got "${value}"`);
  return n;
}

export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) return EXIT.badInput;
  if (err instanceof AppError) return err.code === 'internal' ? EXIT.failure : EXIT.badInput;
  return EXIT.failure;
}

/** Keeps a serving command alive until Ctrl+C (or a service manager's stop), then closes it. */
export async function serveUntilStopped(host: { close(): Promise<void> }): Promise<number> {
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await host.close();
  return EXIT.ok;
}
