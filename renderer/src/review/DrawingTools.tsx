// The pen box above the note composer in review mode: draw on / off, pen, arrow, eraser, the
// colours, undo and clear. What is drawn goes with the next note added.
import { DRAWING_COLORS } from '../../../electron/common/review/drawing';
import { FeatureIcon, type FeatureIconName } from '../ui/icons';
import { clearDrawing, setDrawingColor, setDrawingTool, setDrawMode, undoDrawing, useDrawing, type DrawingTool } from './drawing-store';

const TOOLS: { tool: DrawingTool; icon: FeatureIconName; label: string }[] = [
  { tool: 'pen', icon: 'pen', label: 'Pen' },
  { tool: 'arrow', icon: 'arrow', label: 'Arrow' },
  { tool: 'erase', icon: 'erase', label: 'Eraser: click a stroke to remove it' },
];

const COLOR_NAMES: Record<(typeof DRAWING_COLORS)[number], string> = {
  '#ff3b30': 'red',
  '#ffcc00': 'yellow',
  '#34c759': 'green',
  '#0aa8ff': 'blue',
  '#ffffff': 'white',
};

export function DrawingTools() {
  const d = useDrawing();
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="drawing-tools" data-testid="drawing-tools">
      <button
        className={`btn ghost small toggle${d.on ? ' on' : ''}`}
        data-testid="draw-toggle"
        aria-pressed={d.on}
        title={d.on ? 'Stop drawing (the plate and head take the mouse again)' : 'Draw on the plate or the head, with the next note'}
        onMouseDown={keep}
        onClick={() => setDrawMode(!d.on)}
      >
        <FeatureIcon name="pen" /> Draw
      </button>
      {TOOLS.map((t) => (
        <button
          key={t.tool}
          className={`btn ghost icon small${d.on && d.tool === t.tool ? ' on' : ''}`}
          data-testid={`draw-tool-${t.tool}`}
          aria-pressed={d.on && d.tool === t.tool}
          aria-label={t.label}
          title={t.label}
          onMouseDown={keep}
          onClick={() => setDrawingTool(t.tool)}
        >
          <FeatureIcon name={t.icon} />
        </button>
      ))}
      <span className="drawing-swatches" role="group" aria-label="Colour">
        {DRAWING_COLORS.map((c) => (
          <button
            key={c}
            className={`swatch${d.color === c ? ' on' : ''}`}
            data-testid={`draw-color-${COLOR_NAMES[c]}`}
            aria-pressed={d.color === c}
            aria-label={COLOR_NAMES[c]}
            title={COLOR_NAMES[c]}
            style={{ background: c }}
            onMouseDown={keep}
            onClick={() => setDrawingColor(c)}
          />
        ))}
      </span>
      <button
        className="btn ghost icon small"
        data-testid="draw-undo"
        disabled={d.past.length === 0}
        title="Undo the last stroke (Ctrl+Z)"
        aria-label="Undo the last stroke"
        onMouseDown={keep}
        onClick={() => undoDrawing()}
      >
        <FeatureIcon name="undo" />
      </button>
      <button className="btn ghost small" data-testid="draw-clear" disabled={d.strokes.length === 0} onMouseDown={keep} onClick={clearDrawing}>
        Clear
      </button>
      <span className="faint drawing-count" data-testid="draw-count">
        {d.strokes.length ? `${d.strokes.length} on the ${d.target}` : d.on ? 'drag on the plate or head' : ''}
      </span>
    </div>
  );
}
