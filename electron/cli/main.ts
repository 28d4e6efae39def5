// `rigsolve <command>`: the scripting face for pipeline TDs and farms. Every command calls the same
// services as the UI. Failures print one line and exit non-zero (2 bad input, 1 otherwise).
import { AppError } from '../common/api/errors';
import { isSqliteDamage, ProjectFileError } from '../db/open';
import { EXIT, exitCodeFor, UsageError } from './args';
import { runApp } from './commands/app';
import { runCheck } from './commands/check';
import { runDailies } from './commands/dailies';
import { runEval } from './commands/eval';
import { runExport } from './commands/export';
import { runImport } from './commands/import';
import { runServe } from './commands/serve';
import { runShots } from './commands/shots';
import { runSolve } from './commands/solve';
import { runRigSheet, runSynthData, runSynthShot } from './commands/synth';

type Command = { summary: string; run: (argv: string[]) => Promise<number> };

export const COMMANDS: Record<string, Command> = {
  import: { summary: 'import a capture (image sequences or a video) as a shot', run: runImport },
  shots: { summary: 'list the shots of a project', run: runShots },
  check: { summary: "check a project file's integrity (read-only; says how to recover a damaged one)", run: runCheck },
  solve: { summary: 'solve shots: per-frame rig control values from the plates', run: runSolve },
  'synth-shot': { summary: 'render a synthetic shot of the rig with natural motion and its truth', run: runSynthShot },
  'synth-data': { summary: 'render training data for the solver', run: runSynthData },
  'rig-sheet': { summary: 'contact sheet of the rig: neutral plus every control', run: runRigSheet },
  eval: { summary: 'measure a model against the truth: MAE beside the all-zeros and best-constant baselines, skill, r (models/EVAL.md)', run: runEval },
  export: { summary: "export a shot's final curves for an animation package", run: runExport },
  dailies: { summary: 'render dailies: plate and head side by side with burn-ins, an H.264 movie', run: runDailies },
  serve: { summary: 'serve the app to a browser (remote review, testing)', run: runServe },
  app: { summary: 'start the app in a browser (the demo project on first run)', run: runApp },
};

export function usage(): string {
  const lines = [
    'rigsolve — capture-and-solve workstation for facial animation',
    '',
    'usage: rigsolve <command> [options]   (rigsolve <command> --help for its options)',
    '',
    'commands:',
  ];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(12)} ${c.summary}`);
  return lines.join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? EXIT.ok : EXIT.badInput;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`rigsolve: unknown command "${name}" (rigsolve --help lists them)`);
    return EXIT.badInput;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    const known = err instanceof UsageError || err instanceof AppError || err instanceof ProjectFileError;
    const message = (err as Error)?.message?.split('\n')[0] ?? String(err);
    if (isSqliteDamage(err)) {
      // Damage past the pages the open read: found mid-command; SQLite wrote nothing it could not read.
      console.error(`rigsolve ${name}: the project file is damaged (${message}); check it with: rigsolve check --project FILE`);
      return EXIT.badInput;
    }
    console.error(`rigsolve ${name}: ${message}`);
    if (!known && process.env.RIGSOLVE_DEBUG) console.error(err);
    return err instanceof ProjectFileError ? EXIT.badInput : exitCodeFor(err);
  }
}
