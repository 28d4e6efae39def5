// The solver's square crop drawn over the plate: the area outside dimmed, the square draggable
// (move) with corner handles (resize, stays square, clamped to the plate). The drag is local; the
// crop is stored with shot.setCrop on release. Shown on both panes in side-by-side mode, since
// the solver crops the RGB plate and the normal map alike.
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { CropRect, ShotDetail } from '../../../electron/common/api/schemas';
import { api } from '../api/current';
import { fitContain, plateBoxes } from '../ui/plate-layout';
import { FeatureIcon } from '../ui/icons';
import { usePlayhead } from '../state/playhead';
import { reportError } from '../state/toasts';
import { CORNERS, cropToScreen, defaultCrop, moveCrop, plateScale, resizeCrop, sameCrop, type Corner, type ImageRect, type PlateSize } from './crop-math';

interface Drag {
  kind: 'move' | Corner;
  start: CropRect;
  x: number;
  y: number;
  scale: number;
}

export async function storeCrop(shotId: number, crop: CropRect | null): Promise<void> {
  try {
    await api().call('shot.setCrop', { shotId, crop });
  } catch (err) {
    reportError(err, 'Crop');
  }
}

export function CropOverlay({ shot, editable }: { shot: ShotDetail; editable: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [draft, setDraft] = useState<CropRect | null>(null);
  const drag = useRef<Drag | null>(null);
  const mode = usePlayhead((s) => s.mode);
  const plate: PlateSize = { width: shot.width ?? 0, height: shot.height ?? 0 };
  const stored = shot.crop;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The stored crop arrived (ours, or another window's): the draft has done its job.
  useEffect(() => setDraft(null), [stored?.x, stored?.y, stored?.size]);

  if (plate.width <= 0 || plate.height <= 0) return null;
  const crop = draft ?? stored ?? defaultCrop(plate);
  const rects: ImageRect[] = plateBoxes(size, mode === 'side' ? 2 : 1).map((b) => {
    const f = fitContain(plate, b);
    return { x: b.x + f.x, y: b.y + f.y, width: f.width, height: f.height };
  });

  const begin = (e: ReactPointerEvent, kind: Drag['kind'], rect: ImageRect) => {
    if (!editable || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { kind, start: crop, x: e.clientX, y: e.clientY, scale: plateScale(rect, plate) };
  };
  const move = (e: ReactPointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const dx = (e.clientX - d.x) / d.scale;
    const dy = (e.clientY - d.y) / d.scale;
    setDraft(d.kind === 'move' ? moveCrop(d.start, dx, dy, plate) : resizeCrop(d.start, d.kind, dx, dy, plate));
  };
  const end = () => {
    // Handle events bubble to the box: only the first end of a drag counts.
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    if (!draft || sameCrop(draft, stored ?? defaultCrop(plate))) {
      setDraft(null);
      return;
    }
    void storeCrop(shot.id, draft);
  };

  return (
    <div className={`crop-overlay${editable ? ' editable' : ''}`} ref={ref} data-testid="crop-overlay" data-crop={`${crop.x},${crop.y},${crop.size}`}>
      <svg className="crop-mask" width={size.width} height={size.height} aria-hidden="true">
        <path
          fillRule="evenodd"
          d={[
            `M0 0H${size.width}V${size.height}H0Z`,
            ...rects.map((r) => {
              const c = cropToScreen(crop, r, plate);
              return `M${c.x} ${c.y}h${c.width}v${c.height}h${-c.width}Z`;
            }),
          ].join('')}
        />
      </svg>
      {rects.map((r, i) => {
        const c = cropToScreen(crop, r, plate);
        return (
          <div
            key={i}
            className="crop-box"
            data-testid={i === 0 ? 'crop-box' : undefined}
            style={{ left: c.x, top: c.y, width: c.width, height: c.height }}
            onPointerDown={(e) => begin(e, 'move', r)}
            onPointerMove={move}
            onPointerUp={end}
            onPointerCancel={end}
          >
            <span className="crop-label num">
              {crop.size} px{stored ? '' : ' · default'}
            </span>
            {editable
              ? CORNERS.map((k) => (
                  <span key={k} className={`crop-handle ${k}`} data-testid={i === 0 ? `crop-handle-${k}` : undefined} onPointerDown={(e) => begin(e, k, r)} />
                ))
              : null}
          </div>
        );
      })}
      {editable && stored ? (
        <button
          className="btn crop-reset"
          data-testid="crop-reset"
          title="Back to the centred square"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => void storeCrop(shot.id, null)}
        >
          <FeatureIcon name="reset" /> Reset crop
        </button>
      ) : null}
    </div>
  );
}
