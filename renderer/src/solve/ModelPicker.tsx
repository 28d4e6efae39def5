// The models the host can solve with, each with its manifest: controls, input size, evaluation
// figures. A model whose manifest does not fit the shot's rig is listed but cannot be chosen,
// with the reason beside it, so a user sees why their model is refused instead of it vanishing.
import type { ModelSummary } from '../../../electron/common/api/schemas';
import { shortenPath } from '../views/shot-browser/paths';
import { evaluationRows, modelName, modelRefusal } from './model-format';

interface Props {
  models: readonly ModelSummary[];
  selected: string | null;
  onSelect: (path: string) => void;
  disabled?: boolean;
}

const MAX_FIGURES = 6;

export function ModelPicker({ models, selected, onSelect, disabled }: Props) {
  return (
    <div className="model-list" role="radiogroup" aria-label="Model">
      {models.map((m) => {
        const refusal = modelRefusal(m);
        const rows = evaluationRows(m.evaluation);
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
              ) : rows.length > 0 ? (
                <dl className="model-figures">
                  {rows.slice(0, MAX_FIGURES).map(([k, v]) => (
                    <div key={k}>
                      <dt>{k}</dt>
                      <dd className="num">{v}</dd>
                    </div>
                  ))}
                  {rows.length > MAX_FIGURES ? <div className="faint" title={rows.map((r) => r.join(': ')).join('\n')}>+{rows.length - MAX_FIGURES} more</div> : null}
                </dl>
              ) : (
                <div className="faint model-noeval">No evaluation figures in the manifest</div>
              )}
            </div>
          </label>
        );
      })}
    </div>
  );
}
