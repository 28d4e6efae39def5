import { describe, expect, it } from 'vitest';
import {
  checkExportForm,
  defaultExportDir,
  exportFileName,
  formatMaxError,
  joinPath,
  parentDir,
  reductionText,
  swapExtension,
  type ExportFormState,
} from '../../../renderer/src/export/export-form';

const base: ExportFormState = {
  format: 'anim',
  dir: '/proj/exports',
  fileName: 'sh010.anim',
  tolerance: '0.002',
  range: { kind: 'all', from: 1, to: 100 },
  takeId: null,
  nodeName: '',
  startFrame: '',
  timecodeOffset: '',
  headMotion: true,
  headNode: '',
};
const noSettings = { nodeName: null, startFrame: null, timecodeOffset: null, headMotion: null, headNode: null };
const shot = { first: 1, last: 100 };

describe('export form', () => {
  it('builds paths on either kind of host', () => {
    expect(joinPath('/a/b', 'c.csv')).toBe('/a/b/c.csv');
    expect(joinPath('C:\\shows\\x\\', 'c.csv')).toBe('C:\\shows\\x\\c.csv');
    expect(parentDir('/a/b/p.rigsolve')).toBe('/a/b');
    expect(parentDir('/p.rigsolve')).toBe('/');
    expect(parentDir('C:\\p.rigsolve')).toBe('C:\\');
    expect(defaultExportDir('/shows/x/proj.rigsolve')).toBe('/shows/x/exports');
    expect(defaultExportDir(null)).toBeNull();
  });

  it('names files as the host does', () => {
    expect(exportFileName('sh 010/a', 'anim')).toBe('sh_010_a.anim');
    expect(exportFileName('', 'json')).toBe('shot.json');
    expect(swapExtension('sh010.anim', 'anim', 'csv')).toBe('sh010.csv');
    expect(swapExtension('custom.txt', 'anim', 'csv')).toBe('custom.txt');
    expect(swapExtension('sh010.csv', 'csv', 'arkit')).toBe('sh010.arkit.csv');
    expect(swapExtension('sh010.arkit.csv', 'arkit', 'glb')).toBe('sh010.glb');
  });

  it('sends a whole-shot export with the tolerance for keyed formats only', () => {
    expect(checkExportForm(base, shot)).toEqual({
      ok: true,
      request: { format: 'anim', out: '/proj/exports/sh010.anim', tolerance: 0.002, range: null, takeId: null, ...noSettings },
    });
    const csv = checkExportForm({ ...base, format: 'csv', fileName: 'sh010', tolerance: 'x' }, shot);
    expect(csv).toEqual({ ok: true, request: { format: 'csv', out: '/proj/exports/sh010.csv', tolerance: null, range: null, takeId: null, ...noSettings } });
  });

  it('checks the range, the tolerance, the name and the format', () => {
    const bad = checkExportForm({ ...base, fileName: 'a/b', tolerance: '2', range: { kind: 'custom', from: 50, to: 20 } }, shot);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['fileName', 'range', 'tolerance']);
    const outside = checkExportForm({ ...base, range: { kind: 'custom', from: 0, to: 20 } }, shot);
    expect(outside.ok).toBe(false);
    const marked = checkExportForm({ ...base, range: { kind: 'marked', from: 10, to: 20 }, takeId: 3 }, shot);
    expect(marked.ok && marked.request.range).toEqual({ from: 10, to: 20 });
    expect(marked.ok && marked.request.takeId).toBe(3);
    const glb = checkExportForm({ ...base, format: 'glb', fileName: 'sh010' }, shot);
    expect(glb.ok && glb.request).toMatchObject({ out: '/proj/exports/sh010.glb', tolerance: 0.002 });
    const arkit = checkExportForm({ ...base, format: 'arkit', fileName: exportFileName('sh010', 'arkit') }, shot);
    expect(arkit.ok && arkit.request).toMatchObject({ out: '/proj/exports/sh010.arkit.csv', tolerance: null });
  });

  it('reads a result', () => {
    expect(reductionText(10200, 1340)).toBe('10,200 → 1,340 keys (−87 %)');
    expect(reductionText(500, 500)).toBe('500 keys (one per frame)');
    expect(formatMaxError(0)).toBe('0 (exact)');
    expect(formatMaxError(0.0019)).toBe('0.0019');
  });

  it('sends the node name, start frame and timecode offset to the formats that read them, checked by the shared schema', () => {
    const anim = checkExportForm({ ...base, nodeName: ' face:blendShape2 ', startFrame: '1001', timecodeOffset: '01:00:00:00' }, shot);
    expect(anim.ok && anim.request).toMatchObject({ nodeName: 'face:blendShape2', startFrame: 1001, timecodeOffset: null });
    const arkit = checkExportForm({ ...base, format: 'arkit', nodeName: 'x y', startFrame: '1001', timecodeOffset: '-00:00:01:00' }, shot);
    expect(arkit.ok && arkit.request).toMatchObject({ nodeName: null, startFrame: null, timecodeOffset: '-00:00:01:00' });
    // Head motion: on by default; off sends false; the head node only where the format has one (.anim, glTF).
    expect(checkExportForm({ ...base, headMotion: false }, shot)).toMatchObject({ ok: true, request: { headMotion: false, headNode: null } });
    expect(checkExportForm({ ...base, headNode: 'face:head_jnt' }, shot)).toMatchObject({ ok: true, request: { headMotion: null, headNode: 'face:head_jnt' } });
    expect(checkExportForm({ ...base, format: 'csv', headNode: 'face:head_jnt' }, shot)).toMatchObject({ ok: true, request: { headNode: null } });
    const badHead = checkExportForm({ ...base, headNode: '1head' }, shot);
    expect(!badHead.ok && Object.keys(badHead.errors)).toEqual(['headNode']);
    const bad = checkExportForm({ ...base, nodeName: '1blend', startFrame: '10.5' }, shot);
    expect(!bad.ok && Object.keys(bad.errors).sort()).toEqual(['nodeName', 'startFrame']);
    const badTc = checkExportForm({ ...base, format: 'arkit', timecodeOffset: '1:00' }, shot);
    expect(!badTc.ok && badTc.errors.timecodeOffset).toMatch(/timecode/);
  });
});
