// Entry of the solver process: a utilityProcess under Electron, a child_process.fork under Node
// (with serialization 'advanced', so typed arrays arrive as typed arrays). Same messages, two ports.
import { handleRequest } from './engine';
import type { SolverRequest, SolverResponse } from './protocol';

interface ParentPort {
  on(event: 'message', listener: (e: { data: SolverRequest }) => void): void;
  postMessage(message: SolverResponse): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

if (parentPort) {
  parentPort.on('message', (e) => {
    void handleRequest(e.data).then((res) => parentPort.postMessage(res));
  });
} else if (process.send) {
  process.on('message', (msg: SolverRequest) => {
    void handleRequest(msg).then((res) => process.send!(res));
  });
  // The main process went away: nothing left to solve for.
  process.on('disconnect', () => process.exit(0));
  // A terminal's Ctrl+C reaches the whole process group; stopping is the parent's call (the CLI
  // cancels through its solve queue, then ends this process), so a cancelled take stays resumable.
  process.on('SIGINT', () => {});
} else {
  console.error('the solver process is started by RigSolve, not by hand');
  process.exit(2);
}
