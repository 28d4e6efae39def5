// The preview's toolbar: overlay (with the head's opacity), wireframe, normal shading, reset.
// Buttons keep focus off themselves so Space and the arrows stay transport keys after a click.
import { resetPreviewView, setOverlayOpacity, togglePreview, usePreviewStore, type PreviewToggle } from './preview-store';

const TOGGLES: { what: PreviewToggle; label: string; key: string; title: string }[] = [
  { what: 'overlay', label: 'Overlay', key: 'Alt+O', title: 'Overlay the head on the plate' },
  { what: 'wireframe', label: 'Wire', key: 'Alt+W', title: 'Wireframe' },
  { what: 'normals', label: 'Normals', key: 'Alt+N', title: 'Normal shading: camera-space normals, coloured as the normal plates' },
];

export function PreviewToolbar({ overlayAvailable }: { overlayAvailable: boolean }) {
  const s = usePreviewStore();
  return (
    <div className="head-toolbar" role="toolbar" aria-label="Head preview">
      <div className="seg">
        {TOGGLES.map((t) => (
          <button
            key={t.what}
            data-testid={`preview-${t.what}`}
            aria-pressed={s[t.what]}
            disabled={t.what === 'overlay' && !overlayAvailable}
            title={`${t.title} (${t.key})`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => togglePreview(t.what)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {s.overlay ? (
        <input
          className="head-opacity"
          data-testid="preview-opacity"
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={s.opacity}
          title={`Head opacity over the plate: ${Math.round(s.opacity * 100)} %`}
          aria-label="Head opacity"
          onChange={(e) => setOverlayOpacity(Number(e.target.value))}
        />
      ) : null}
      <span className="head-spacer" />
      <button
        className="btn ghost"
        data-testid="preview-reset"
        title="Reset the view (Alt+0)"
        onMouseDown={(e) => e.preventDefault()}
        onClick={resetPreviewView}
      >
        Reset
      </button>
    </div>
  );
}
