// A resizable two-pane split (rows or columns). The divider is dragged with the pointer; the share
// is remembered per machine under `prefKey`. Double-click resets it.
import { useRef, useState, type ReactNode } from 'react';
import { isNumber, readPref, writePref } from '../prefs';
import { clampShare, shareAt, type SplitLimits } from './split';

interface Props {
  direction: 'rows' | 'columns';
  prefKey: string;
  initial: number;
  limits: SplitLimits;
  first: ReactNode;
  second: ReactNode;
  className?: string;
  testId?: string;
}

const DIVIDER = 5;

export function SplitPane({ direction, prefKey, initial, limits, first, second, className, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [share, setShare] = useState(() => readPref(`split.${prefKey}`, initial, isNumber));
  const rows = direction === 'rows';
  const total = () => {
    const el = box.current;
    return el ? (rows ? el.clientHeight : el.clientWidth) : 0;
  };
  const s = clampShare(share, total(), limits);
  const grid = `minmax(0, ${s}fr) ${DIVIDER}px minmax(0, ${1 - s}fr)`;

  return (
    <div
      ref={box}
      className={`split ${direction}${className ? ` ${className}` : ''}`}
      style={rows ? { gridTemplateRows: grid } : { gridTemplateColumns: grid }}
      data-testid={testId}
    >
      <div className="split-pane">{first}</div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation={rows ? 'horizontal' : 'vertical'}
        title="Drag to resize (double-click resets)"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          e.preventDefault();
        }}
        onPointerMove={(e) => {
          if (!e.currentTarget.hasPointerCapture(e.pointerId) || !box.current) return;
          const r = box.current.getBoundingClientRect();
          setShare(shareAt(rows ? e.clientY - r.top : e.clientX - r.left, rows ? r.height : r.width, DIVIDER, limits));
        }}
        onPointerUp={(e) => {
          if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
          e.currentTarget.releasePointerCapture(e.pointerId);
          writePref(`split.${prefKey}`, share);
        }}
        onDoubleClick={() => {
          setShare(initial);
          writePref(`split.${prefKey}`, initial);
        }}
      />
      <div className="split-pane">{second}</div>
    </div>
  );
}
