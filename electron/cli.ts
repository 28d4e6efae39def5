// Entry of the `rigsolve` command (bin/rigsolve.mjs runs it under tsx).
import { runCli } from './cli/main';

process.exitCode = await runCli(process.argv.slice(2));
