// The models the host can solve with, each with its card: controls, input size, and the figures
// its manifest leads its evaluation with (MAE beside the best constant, skill overall and per
// region, a region worse than a constant flagged). A model whose manifest does not fit the shot's
// rig is listed but cannot be chosen, with the reason beside it, so a user sees why their model is
// refused instead of it vanishing.
import type { ModelSummary } from '../../../electron/common/api/schemas';
import { shortenPath } from '../state/paths';
import { evaluationRows, modelEvaluation, modelName, modelRefusal, WORSE_THAN_CONSTANT, type HeadlineView } from './model-format';

interface Props {
  models: readonly ModelSummary[];
  selected: string | null;
  onSelect: (path: string) => void;
  disabled?: boolean;
}

function HeadlineFigures({ view }: { view: HeadlineView }) {
  return (
    <div className="model-eval" data-testid="model-eval">
      <div className="model-eval-set faint">{view.set}</div>
      <dl className="model-figures">
        {view.figures.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className="num">{v}</dd>
          </div>
        ))}
        {view.worseThanConstant ? (
          <div className="tag warn" data-testid="model-worse">
            {WORSE_THAN_CONSTANT}
          </div>
        ) : null}
      </dl>
      {view.regions.length > 0 ? (
        <table className="model-regions num" data-testid="model-regions">
          <thead>
            <tr>
              <th>region</th>
              <th>MAE</th>
              <th>skill</th>
            </tr>
          </thead>
          <tbody>
            {view.regions.map((g) => (
              <tr key={g.region} className={g.worse ? 'worse' : undefined} title={g.title} data-region={g.region}>
                <td>{g.region}</td>
                <td>{g.mae}</td>
                <td>
                  {g.skill}
                  {g.worse ? <span className="model-region-warn"> {WORSE_THAN_CONSTANT}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

export function ModelPicker({ models, selected, onSelect, disabled }: Props) {
  return (
    <div className="model-list" role="radiogroup" aria-label="Model">
      {models.map((m) => {
        const refusal = modelRefusal(m);
        const evaluation = modelEvaluation(m);
        const on = m.path === selected;
        return (
          <label
            key={m.path}
            className={`model-option${on ? ' on' : ''}${refusal ? ' refused' : ''}`}
            data-testid="model-option"
            data-model-id={m.id ?? ''}
            title={refusal ?? m.path}
          >
            <input type="radio" name="model" checked={on} disabled={disabled || refusal !== null} onChange={() => onSelect(m.path)} />
            <div className="model-main">
              <div className="model-head">
                <span className="model-name">{modelName(m)}</span>
                {m.isDefault ? <span className="tag accent">default</span> : null}
                <span className="tag">{m.source === 'bundled' ? 'bundled' : 'user'}</span>
                <span className="model-spec num dim">
                  {m.controlCount ?? '?'} controls · {m.inputSize ? `${m.inputSize}×${m.inputSize}` : '?'} input
                </span>
              </div>
              <div className="model-path mono faint">{shortenPath(m.path, 70)}</div>
              {refusal ? (
                <div className="model-refusal" data-testid="model-refusal">
                  {refusal}
                </div>
              ) : evaluation.kind === 'headline' ? (
                <HeadlineFigures view={evaluation.headline} />
              ) : (
                <div
                  className="faint model-noeval"
                  data-testid="model-noeval"
                  title={
                    evaluationRows(m.evaluation)
                      .map((r) => r.join(': '))
                      .join('\n') || undefined
                  }
                >
                  {evaluation.message}
                </div>
              )}
            </div>
          </label>
        );
      })}
    </div>
  );
}
