// Render worker: receives the rig once, then renders batches; the images go back as transfers.
import { parentPort } from 'node:worker_threads';
import type { Renderer } from './renderer';
import { createRenderer } from './renderer';
import type { FromWorker, ToWorker } from './protocol';

const port = parentPort;
if (!port) throw new Error('render worker started outside a worker thread');

let renderer: Renderer | null = null;

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'init') {
    try {
      renderer = createRenderer(msg.rig, msg.options);
      port.postMessage({ type: 'ready' } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ type: 'error', id: -1, message: String((e as Error).stack ?? e) } satisfies FromWorker);
    }
    return;
  }
  try {
    if (!renderer) throw new Error('render before init');
    const r = renderer;
    const results = msg.requests.map((q) => r.render(q));
    const transfer: ArrayBuffer[] = [];
    for (const res of results) {
      transfer.push(res.rgb.buffer as ArrayBuffer);
      if (res.normal) transfer.push(res.normal.buffer as ArrayBuffer);
    }
    port.postMessage({ type: 'done', id: msg.id, results } satisfies FromWorker, transfer);
  } catch (e) {
    port.postMessage({ type: 'error', id: msg.id, message: String((e as Error).stack ?? e) } satisfies FromWorker);
  }
});
