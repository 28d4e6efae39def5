// Rig evaluation time (target: 102 controls on the head in under 2 ms) and the software
// renderer's throughput (target: ≥ 200 RGB+normal pairs/s at 128² on 2 cores).
import { readFile } from 'node:fs/promises';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { defaultRigPath } from '../../../electron/rig/rig-file';
import { benchRigEvaluation } from '../../../electron/rig/bench';
import { loadRigFromGlb } from '../../../electron/rig/load';
import { benchRenderer } from '../../../electron/tools/synth';
import type { BenchFigure, BenchSuite } from '../figures';

async function run(): Promise<BenchFigure[]> {
  const rig = await loadRigFromGlb(new Uint8Array(await readFile(defaultRigPath())), DEFAULT_CONTROL_NAMES);
  const rigFigures = benchRigEvaluation(rig).map((f) => ({ suite: 'rig', ...f, ...(f.name.includes('102') && f.unit === 'ms' ? { target: '< 2 ms' } : {}) }));
  const renderFigures = (await benchRenderer({ rig, size: 128 })).map((f) => ({
    suite: 'render',
    ...f,
    ...(f.unit.includes('/s') ? { target: '≥ 200 pairs/s' } : {}),
  }));
  return [...rigFigures, ...renderFigures];
}

export const rigSuite: BenchSuite = { name: 'rig', run };
