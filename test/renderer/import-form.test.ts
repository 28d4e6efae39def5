import { describe, expect, it } from 'vitest';
import { ImportRequest } from '../../electron/common/api/schemas';
import { EMPTY_FORM, toImportRequest, validateImport } from '../../renderer/src/views/shot-browser/import-form';

describe('import form', () => {
  it('requires a source and a name', () => {
    expect(Object.keys(validateImport(EMPTY_FORM)).sort()).toEqual(['rgbSource', 'shotName']);
  });

  it('checks fps and the normal folder', () => {
    const f = { ...EMPTY_FORM, rgbSource: '/a', shotName: 'a', fps: 'abc', normalSource: '/a' };
    expect(validateImport(f)).toEqual({ fps: expect.any(String), normalSource: expect.any(String) });
    expect(validateImport({ ...f, fps: '23.976', normalSource: '/b' })).toEqual({});
  });

  it('builds a request the contract accepts', () => {
    const req = toImportRequest({ ...EMPTY_FORM, rgbSource: ' /caps/t1 ', shotName: ' t1 ', fps: '' });
    // the ground truth is never imported unless asked for
    expect(req).toEqual({ shotName: 't1', rgbSource: '/caps/t1', normalSource: null, fps: null, normalConvention: 'opengl', truthTake: false });
    expect(ImportRequest.strict().safeParse(req).success).toBe(true);
    const withNormals = toImportRequest({ ...EMPTY_FORM, rgbSource: '/a', normalSource: '/n', shotName: 'x', fps: '30', normalConvention: 'directx' });
    expect(ImportRequest.strict().parse(withNormals)).toMatchObject({ normalSource: '/n', fps: 30, normalConvention: 'directx' });
    expect(toImportRequest({ ...EMPTY_FORM, rgbSource: '/a', shotName: 'x', truthTake: true }).truthTake).toBe(true);
  });

  it('takes a slate pattern, and says what is wrong with one it cannot read', () => {
    const req = toImportRequest({ ...EMPTY_FORM, rgbSource: '/a', shotName: 'sc1_tk2', namePattern: ' sc{scene}_tk{take} ' });
    expect(ImportRequest.strict().parse(req).namePattern).toBe('sc{scene}_tk{take}');
    expect(validateImport({ ...EMPTY_FORM, rgbSource: '/a', shotName: 'x', namePattern: '{shot}' }).namePattern).toMatch(/^Unknown field \{shot\}/);
  });
});
