// The layering rule is a check, not a convention: lint refuses imports across layers, and up or
// sideways in the folder order of each process (eslint.config.js, ARCHITECTURE.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();
async function errors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'rigsolve/layers').map((m) => m.message);
}

describe('layering', () => {
  it('keeps Node and electron out of the renderer', async () => {
    expect(await errors(`import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n`, 'renderer/src/x.ts')).toHaveLength(1);
    expect(await errors(`import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n`, 'renderer/src/x.ts')).toHaveLength(1);
    expect(await errors(`import { listShots } from '../../electron/db/shots';\nexport const x = listShots;\n`, 'renderer/src/x.ts')).toHaveLength(1);
    expect(await errors(`import { CHANNELS } from '../../electron/common/api/contract';\nexport const x = CHANNELS;\n`, 'renderer/src/x.ts')).toHaveLength(0);
  });

  it('keeps electron/common pure', async () => {
    expect(await errors(`import { join } from 'node:path';\nexport const x = join;\n`, 'electron/common/x.ts')).toHaveLength(1);
    expect(await errors(`import { listShots } from '../db/shots';\nexport const x = listShots;\n`, 'electron/common/x.ts')).toHaveLength(1);
  });

  it('orders the folders inside electron/: a folder imports only the layers below it', async () => {
    const capture = 'electron/capture/x.ts';
    expect(await errors(`import { fillGaps } from '../common/curves/fill';\nexport const x = fillGaps;\n`, capture)).toHaveLength(0);
    expect(await errors(`import { listShots } from '../db/shots';\nexport const x = listShots;\n`, capture)).toHaveLength(0);
    const up = await errors(`import { solveShot } from '../solver/solve-shot';\nexport const x = solveShot;\n`, capture);
    expect(up).toEqual([expect.stringContaining('electron/capture may not import electron/solver/solve-shot')]);
    // Peers in one layer import none of each other.
    expect(await errors(`import { exportShot } from '../export/export-shot';\nexport const x = exportShot;\n`, capture)).toHaveLength(1);
    expect(await errors(`import { handlers } from '../api/handlers';\nexport const x = handlers;\n`, 'electron/frames/x.ts')).toHaveLength(1);
    expect(await errors(`import { startBrowserHost } from '../host/browser-host';\nexport const x = startBrowserHost;\n`, 'electron/cli/x.ts')).toHaveLength(0);
  });

  it('keeps the offline tools out of the app: only the CLI runs them, the demo renders through the synth index', async () => {
    const synth = `import { writeSynthShot } from '../tools/synth';\nexport const x = writeSynthShot;\n`;
    expect(await errors(synth, 'electron/cli/x.ts')).toHaveLength(0);
    expect(await errors(synth, 'electron/demo/x.ts')).toHaveLength(0);
    expect(await errors(synth, 'electron/api/x.ts')).toEqual([expect.stringContaining('electron/tools/ is offline')]);
    expect(await errors(`import { writeSynthShot } from './tools/synth';\nexport const x = writeSynthShot;\n`, 'electron/main.ts')).toHaveLength(1);
    const deep = `import { createRenderer } from '../tools/synth/render/renderer';\nexport const x = createRenderer;\n`;
    expect(await errors(deep, 'electron/demo/x.ts')).toEqual([expect.stringContaining('through its index.ts')]);
    const head = `import { buildDefaultHeadGlb } from '../tools/default-head/build';\nexport const x = buildDefaultHeadGlb;\n`;
    expect(await errors(head, 'electron/demo/x.ts')).toHaveLength(1);
    expect(await errors(`import { loadRigFromGlb } from '../../rig/load';\nexport const x = loadRigFromGlb;\n`, 'electron/tools/synth/x.ts')).toHaveLength(0);
  });

  it('orders the renderer: api, state, ui, then features, views, app; features through their index', async () => {
    expect(await errors(`import { Dialog } from '../ui/Dialog';\nexport const x = Dialog;\n`, 'renderer/src/state/x.ts')).toHaveLength(1);
    expect(await errors(`import { useAppStore } from '../state/app-store';\nexport const x = useAppStore;\n`, 'renderer/src/ui/x.ts')).toHaveLength(0);
    // curves and review are peers; views reach a feature through its index.
    expect(await errors(`import * as r from '../review';\nexport const x = r;\n`, 'renderer/src/curves/x.ts')).toEqual([expect.stringContaining('peers')]);
    expect(await errors(`import * as c from '../curves';\nexport const x = c;\n`, 'renderer/src/views/x.ts')).toHaveLength(0);
    expect(await errors(`import { CurveEditor } from '../curves/CurveEditor';\nexport const x = CurveEditor;\n`, 'renderer/src/views/x.ts')).toEqual([
      expect.stringContaining('reach renderer/src/curves through its index.ts'),
    ]);
    expect(await errors(`import * as s from '../solve';\nexport const x = s;\n`, 'renderer/src/newfolder/x.ts')).toEqual([
      expect.stringContaining('in no layer'),
    ]);
  });

  it('ARCHITECTURE.md states the layer orders lint enforces', async () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'ARCHITECTURE.md'), 'utf8');
    const orderIn = (messages: string[]) => /: ([^:]*)\)$/.exec(messages[0] ?? '')?.[1] ?? '(no order reported)';
    const electron = orderIn(await errors(`import { handlers } from '../api/handlers';\nexport const x = handlers;\n`, 'electron/db/x.ts'));
    const renderer = orderIn(await errors(`import * as v from '../views/x';\nexport const x = v;\n`, 'renderer/src/state/x.ts'));
    expect(doc).toContain(`\n${electron}\n`);
    expect(doc).toContain(`\n${renderer}\n`);
  });

  it("keeps 'electron' out of everything but the Electron shell", async () => {
    expect(await errors(`import { app } from 'electron';\nexport const x = app;\n`, 'electron/db/x.ts')).toHaveLength(1);
    expect(await errors(`import { app } from 'electron';\nexport const x = app;\n`, 'electron/main.ts')).toHaveLength(0);
  });
});
