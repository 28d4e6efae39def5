import { PREVIEW_KEYS, REVIEW_KEYS, SHOT_KEYS } from '../../keyboard/keymap';
import { CURVE_KEYS } from '../../curves/curve-keys';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="help-overlay" onClick={onClose} role="dialog" aria-label="Keyboard shortcuts">
      <div className="help-card">
        <div className="section-title">Keyboard</div>
        <table>
          <tbody>
            {SHOT_KEYS.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="section-title">Solve and review</div>
        <table>
          <tbody>
            {REVIEW_KEYS.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="section-title">Head preview</div>
        <table>
          <tbody>
            {PREVIEW_KEYS.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="section-title">Curve editor</div>
        <table>
          <tbody>
            {CURVE_KEYS.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
