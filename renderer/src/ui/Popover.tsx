// A small drop-down under its trigger (status menus, the take picker). Rendered in a portal with
// fixed position, so a table's scroll box does not clip it, and flipped above the trigger when
// there is no room below. Closes on Esc, on a click outside, and when an entry is chosen. Mouse
// and key events stay inside: a double-click in a menu must not open the row behind it.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { createPortal } from 'react-dom';

interface Props {
  /** The trigger; gets the open state and the toggle. */
  trigger: (open: boolean, toggle: () => void) => ReactNode;
  children: (close: () => void) => ReactNode;
  align?: 'left' | 'right';
  className?: string;
}

const stop = (e: SyntheticEvent) => e.stopPropagation();
const GAP = 4;

export function Popover({ trigger, children, align = 'left', className }: Props) {
  const [open, setOpen] = useState(false);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const anchor = useRef<HTMLSpanElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (!open) {
      setPos(null);
      return;
    }
    const a = anchor.current?.getBoundingClientRect();
    const m = menu.current;
    if (!a || !m) return;
    const w = m.offsetWidth;
    const h = m.offsetHeight;
    const below = a.bottom + GAP + h <= window.innerHeight - GAP;
    const top = below ? a.bottom + GAP : Math.max(GAP, a.top - GAP - h);
    const left = align === 'right' ? Math.max(GAP, a.right - w) : Math.min(a.left, window.innerWidth - w - GAP);
    setPos({ top, left });
  }, [open, align]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!anchor.current?.contains(t) && !menu.current?.contains(t)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    };
    const onScroll = (e: Event) => {
      if (!menu.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onScroll);
    return () => {
      window.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onScroll);
    };
  }, [open]);

  return (
    <span className={`popover-anchor${className ? ` ${className}` : ''}`} ref={anchor}>
      {trigger(open, () => setOpen((o) => !o))}
      {open
        ? createPortal(
            <div
              ref={menu}
              className="popover"
              role="menu"
              style={pos ? { top: pos.top, left: pos.left } : { top: -9999, left: -9999 }}
              onKeyDown={stop}
              onMouseDown={stop}
              onClick={stop}
              onDoubleClick={stop}
            >
              {children(() => setOpen(false))}
            </div>,
            document.body,
          )
        : null}
    </span>
  );
}

/** Keeps a dialog opened from inside a row (or menu) from clicking or opening that row. */
export function Isolated({ children }: { children: ReactNode }) {
  return createPortal(
    <span className="isolated" onMouseDown={stop} onClick={stop} onDoubleClick={stop} onKeyDown={stop} onPointerDown={stop}>
      {children}
    </span>,
    document.body,
  );
}
