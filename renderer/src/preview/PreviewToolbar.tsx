// The preview's toolbar: overlay (mixed at the head's opacity, or their difference), plate camera, stabilise,
// the camera's field of view for a shot without a camera file, wireframe, normal shading, reset.
// Buttons keep focus off themselves so Space and the arrows stay transport keys after a click.
import { useEffect, useState } from 'react';
import { DEFAULT_FOV_DEG, FOV_MAX_DEG, FOV_MIN_DEG } from '../../../electron/common/camera';
import type { ShotDetail } from '../../../electron/common/api/schemas';
import { resetPreviewView, setOverlayMode, setOverlayOpacity, togglePreview, usePreviewStore, type OverlayMode, type PreviewToggle } from './preview-store';
import { setShotFov } from './fov-edits';

const TOGGLES: { what: PreviewToggle; label: string; key: string; title: string; needsPlate?: true }[] = [
  { what: 'overlay', label: 'Overlay', key: 'Alt+O', title: 'Overlay the head on the plate', needsPlate: true },
  {
    what: 'plateCamera',
    label: 'Plate camera',
    key: 'Alt+C',
    title: "In register: the head through the plate's camera, turned and moved by the take's head channels",
    needsPlate: true,
  },
  {
    what: 'stabilise',
    label: 'Stabilise',
    key: 'Alt+S',
    title: 'The plate stabilised by the solved head motion: the face still, the world moving',
    needsPlate: true,
  },
  { what: 'wireframe', label: 'Wire', key: 'Alt+W', title: 'Wireframe' },
  { what: 'normals', label: 'Normals', key: 'Alt+N', title: 'Normal shading: camera-space normals, coloured as the normal plates' },
];

const MODES: { mode: OverlayMode; label: string; title: string }[] = [
  { mode: 'mix', label: 'Mix', title: 'The head over the plate at the opacity set' },
  { mode: 'difference', label: 'Diff', title: 'Difference: dark where the head and the plate agree, bright where they part' },
];

export function PreviewToolbar({ overlayAvailable, shot }: { overlayAvailable: boolean; shot: ShotDetail }) {
  const s = usePreviewStore();
  return (
    <div className="head-toolbar" role="toolbar" aria-label="Head preview">
      <div className="seg">
        {TOGGLES.map((t) => (
          <button
            key={t.what}
            data-testid={`preview-${t.what}`}
            aria-pressed={s[t.what]}
            disabled={t.needsPlate && !overlayAvailable}
            title={`${t.title} (${t.key})`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => togglePreview(t.what)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {s.overlay ? (
        <div className="seg" role="group" aria-label="Overlay mode">
          {MODES.map((m) => (
            <button
              key={m.mode}
              data-testid={`preview-mode-${m.mode}`}
              aria-pressed={s.overlayMode === m.mode}
              title={m.title}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setOverlayMode(m.mode)}
            >
              {m.label}
            </button>
          ))}
        </div>
      ) : null}
      {s.overlay && s.overlayMode === 'mix' ? (
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
      {(s.plateCamera || s.stabilise) && overlayAvailable ? <CameraField shot={shot} /> : null}
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

/** The plate camera's lens: said, for a shot whose camera file gives it; set, for a shot without one (Ctrl+Z undoes). */
function CameraField({ shot }: { shot: ShotDetail }) {
  const fov = shot.fovDeg ?? DEFAULT_FOV_DEG;
  const [text, setText] = useState(fov.toFixed(1));
  useEffect(() => setText(fov.toFixed(1)), [fov]);
  if (shot.camera)
    return (
      <span className="head-camera" data-testid="preview-camera" title="From the capture's camera.json">
        {shot.camera.focalMm.toFixed(0)} mm
      </span>
    );
  const commit = (): void => {
    const v = Number(text);
    if (text.trim() === '' || v === fov) return setText(fov.toFixed(1));
    void setShotFov(shot, text.trim() === 'default' ? null : v).then((ok) => ok || setText(fov.toFixed(1)));
  };
  return (
    <label
      className="head-camera"
      title={`The camera's horizontal field of view, ${FOV_MIN_DEG}–${FOV_MAX_DEG}° (default ${DEFAULT_FOV_DEG.toFixed(1)}°, an 85 mm lens); Ctrl+Z undoes`}
    >
      FOV
      <input
        data-testid="preview-fov"
        className="head-fov"
        type="number"
        min={FOV_MIN_DEG}
        max={FOV_MAX_DEG}
        step={0.5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(fov.toFixed(1));
        }}
      />
      °
    </label>
  );
}
