import { describe, expect, it } from 'vitest';
import type { ModelSummary } from '../../../electron/common/api/schemas';
import { evaluationRows, formatFigure, modelName, preferredModel } from '../../../renderer/src/solve/model-format';

const model = (over: Partial<ModelSummary>): ModelSummary => ({
  path: '/m/a.onnx',
  source: 'user',
  id: null,
  inputSize: 224,
  controlCount: 102,
  problem: null,
  evaluation: {},
  isDefault: false,
  ...over,
});

describe('model manifest display', () => {
  it('names a model by id, else by file', () => {
    expect(modelName(model({ id: 'hiera-v2' }))).toBe('hiera-v2');
    expect(modelName(model({ path: 'C:\\models\\my-model.onnx' }))).toBe('my-model');
  });

  it('flattens evaluation figures', () => {
    expect(evaluationRows({ mae: 0.012345, frames: 4000, regions: { mouth: { mae: 0.02 }, eyes: 0.01 }, note: 'synthetic' })).toEqual([
      ['mae', '0.01235'],
      ['frames', '4000'],
      ['regions · mouth', '{"mae":0.02}'],
      ['regions · eyes', '0.01'],
      ['note', 'synthetic'],
    ]);
    expect(formatFigure([1, 2.5])).toBe('1, 2.5');
    expect(formatFigure(true)).toBe('yes');
  });

  it('prefers the last used, then the default, then the first usable model', () => {
    const a = model({ path: '/a.onnx' });
    const b = model({ path: '/b.onnx', isDefault: true });
    const bad = model({ path: '/c.onnx', problem: 'controls do not match' });
    expect(preferredModel([a, b, bad], '/a.onnx')).toBe(a);
    expect(preferredModel([a, b, bad], '/c.onnx')).toBe(b);
    expect(preferredModel([a, bad], null)).toBe(a);
    expect(preferredModel([bad], null)).toBeNull();
  });
});
