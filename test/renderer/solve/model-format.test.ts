import { describe, expect, it } from 'vitest';
import type { EvaluationHeadline, ModelSummary } from '../../../electron/common/api/schemas';
import { evaluationRows, formatFigure, modelEvaluation, modelName, preferredModel } from '../../../renderer/src/solve/model-format';

const model = (over: Partial<ModelSummary>): ModelSummary => ({
  path: '/m/a.onnx',
  source: 'user',
  id: null,
  inputSize: 224,
  controlCount: 102,
  problem: null,
  evaluation: {},
  headline: null,
  headlineProblem: null,
  isDefault: false,
  ...over,
});

const HEADLINE: EvaluationHeadline = {
  set: '3 natural-motion shots, 900 frames, seeds 9101-9103',
  mode: 'both',
  mae: 0.0281,
  zeroMae: 0.0517,
  constMae: 0.0712,
  skill: 0.6053,
  meanR: 0.812,
  regions: {
    gaze: { mae: 0.112, constMae: 0.1, skill: -0.12, meanR: 0.2 },
    brow: { mae: 0.03, constMae: 0.06, skill: 0.5, meanR: null },
    jaw: { mae: 0.02, constMae: 0.09, skill: 0.7778, meanR: 0.97 },
  },
};

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

  it('leads the card with the headline: MAE beside the best constant, skill, and a region table in rig order', () => {
    const view = modelEvaluation(model({ headline: HEADLINE, evaluation: { headline: HEADLINE } }));
    if (view.kind !== 'headline') throw new Error('expected the headline');
    const h = view.headline;
    expect(h.set).toBe('3 natural-motion shots, 900 frames, seeds 9101-9103 · inputs: both');
    expect(h.figures).toEqual([
      ['MAE', '0.028'],
      ['best constant', '0.071'],
      ['all-zeros', '0.052'],
      ['skill', '0.61'],
      ['mean r', '0.81'],
    ]);
    expect(h.worseThanConstant).toBe(false);
    expect(h.regions.map((g) => [g.region, g.mae, g.skill, g.worse])).toEqual([
      ['brow', '0.030', '0.50', false],
      ['gaze', '0.112', '-0.12', true], // worse than a constant: flagged
      ['jaw', '0.020', '0.78', false],
    ]);
    expect(h.regions[0]!.title).toBe('MAE 0.030 against 0.060 for the best constant; mean r —');
  });

  it('flags a model worse than a constant overall', () => {
    const view = modelEvaluation(model({ headline: { ...HEADLINE, skill: -0.25 } }));
    expect(view.kind === 'headline' && view.headline.worseThanConstant).toBe(true);
  });

  it('says why there are no figures: none, none it reads, or unreadable', () => {
    expect(modelEvaluation(model({}))).toEqual({ kind: 'none', message: "No evaluation figures in this model's manifest" });
    expect(modelEvaluation(model({ evaluation: { format: 'rigsolve-eval/1', rows: [] } }))).toEqual({
      kind: 'none',
      message: "No headline figures (MAE, skill per region) in this model's manifest",
    });
    expect(modelEvaluation(model({ evaluation: { headline: {} }, headlineProblem: 'evaluation headline unreadable: ✖ Invalid input → at set' }))).toEqual({
      kind: 'none',
      message: "This model's evaluation figures cannot be read (evaluation headline unreadable: ✖ Invalid input → at set)",
    });
  });
});
