// The solver process under Electron: a utilityProcess (onnxruntime in worker threads is known to
// crash inside Electron), speaking the same messages as the Node fork.
import { utilityProcess } from 'electron';
import { join } from 'node:path';
import type { SolverTransport } from '../solver/transport';

export function utilityTransport(distDir: string): SolverTransport {
  const child = utilityProcess.fork(join(distDir, 'solver.js'), [], { serviceName: 'RigSolve solver', stdio: 'inherit' });
  return {
    send: (msg) => child.postMessage(msg),
    onMessage: (listener) => {
      child.on('message', listener);
    },
    onExit: (listener) => {
      child.once('exit', (code) => listener(`exited with code ${code}`));
    },
    kill: () => {
      child.kill();
    },
  };
}
