// How the main side reaches the solver process. Under Node (CLI, browser host, tests) it is a
// child_process.fork of process-entry; Electron's main swaps in a utilityProcess transport.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SolverRequest, SolverResponse } from './protocol';

export interface SolverTransport {
  send(msg: SolverRequest): void;
  onMessage(listener: (msg: SolverResponse) => void): void;
  /** Called once when the process ends (crash, kill or normal exit). */
  onExit(listener: (reason: string) => void): void;
  kill(): void;
}

export type TransportFactory = () => SolverTransport;

export function forkTransport(): SolverTransport {
  const here = dirname(fileURLToPath(import.meta.url));
  // From source (tsx) the entry is process-entry.ts; from the esbuild bundle, solver.js beside main.js.
  const bundled = join(here, 'solver.js');
  const entry = existsSync(bundled) ? bundled : join(here, 'process-entry.ts');
  const execArgv = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child: ChildProcess = fork(entry, [], { serialization: 'advanced', execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    send: (msg) => {
      child.send(msg);
    },
    onMessage: (listener) => {
      child.on('message', (m) => listener(m as SolverResponse));
    },
    onExit: (listener) => {
      child.once('exit', (code, signal) => listener(signal ? `killed by ${signal}` : `exited with code ${code}`));
    },
    kill: () => {
      child.kill('SIGKILL');
    },
  };
}
