// The layering rule is a check, not a convention: lint refuses imports across layers.
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

  it("keeps 'electron' out of everything but the Electron shell", async () => {
    expect(await errors(`import { app } from 'electron';\nexport const x = app;\n`, 'electron/db/x.ts')).toHaveLength(1);
    expect(await errors(`import { app } from 'electron';\nexport const x = app;\n`, 'electron/main.ts')).toHaveLength(0);
  });
});
