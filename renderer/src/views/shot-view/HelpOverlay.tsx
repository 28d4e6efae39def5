import { PREVIEW_KEYS, REVIEW_KEYS, SHOT_KEYS } from '../../keyboard';
import { CURVE_KEYS } from '../../curves';

const SECTIONS: readonly [title: string, keys: readonly (readonly [string, string])[]][] = [
  ['Keyboard', SHOT_KEYS],
  ['Solve and review', REVIEW_KEYS],
  ['Head preview', PREVIEW_KEYS],
  ['Curve editor', CURVE_KEYS],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="help-overlay" onClick={onClose} role="dialog" aria-label="Keyboard shortcuts">
      <div className="help-card">
        {SECTIONS.map(([title, keys]) => (
          <KeyTable key={title} title={title} keys={keys} />
        ))}
      </div>
    </div>
  );
}

function KeyTable({ title, keys }: { title: string; keys: readonly (readonly [string, string])[] }) {
  return (
    <>
      <div className="section-title">{title}</div>
      <table>
        <tbody>
          {keys.map(([k, what]) => (
            <tr key={k}>
              <td>
                <kbd>{k}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
