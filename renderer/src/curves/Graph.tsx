// The graph editor: three stacked canvases (background and axes, curves, overlay) driven by GraphController.
import { useEffect, useRef } from 'react';
import { GraphController } from './graph-controller';

export function Graph() {
  const wrap = useRef<HTMLDivElement>(null);
  const base = useRef<HTMLCanvasElement>(null);
  const curves = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const ctl = useRef<GraphController | null>(null);

  useEffect(() => {
    if (!wrap.current || !base.current || !curves.current || !overlay.current) return;
    const c = new GraphController(wrap.current, base.current, curves.current, overlay.current);
    ctl.current = c;
    const detach = c.attach();
    return () => {
      detach();
      ctl.current = null;
    };
  }, []);

  return (
    <div
      ref={wrap}
      className="graph"
      data-testid="curve-graph"
      onPointerDown={(e) => ctl.current?.onPointerDown(e.nativeEvent)}
      onPointerMove={(e) => ctl.current?.onPointerMove(e.nativeEvent)}
      onPointerUp={(e) => ctl.current?.onPointerUp(e.nativeEvent)}
      onPointerCancel={() => ctl.current?.cancelGesture()}
      onPointerLeave={() => ctl.current?.onPointerLeave()}
      onContextMenu={(e) => e.preventDefault()}
    >
      <canvas ref={base} className="graph-canvas" />
      <canvas ref={curves} className="graph-canvas" data-testid="curve-graph-curves" />
      <canvas ref={overlay} className="graph-canvas" data-testid="curve-graph-overlay" />
    </div>
  );
}
