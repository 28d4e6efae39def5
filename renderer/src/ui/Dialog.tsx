// Modal dialog: Esc and the close button dismiss it (unless busy), focus moves inside on open
// and returns to where it was on close, and key presses do not leak to the view behind.
import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from './Icon';

interface DialogProps {
  title: string;
  onClose: () => void;
  /** While true, the dialog cannot be dismissed (an import is running). */
  busy?: boolean;
  width?: number;
  footer?: ReactNode;
  children: ReactNode;
  testId?: string;
}

export function Dialog({ title, onClose, busy = false, width = 560, footer, children, testId }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef({ busy, onClose });
  latest.current = { busy, onClose };

  // Esc closes the topmost dialog wherever focus is (a disabled button drops it to <body>).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || latest.current.busy) return;
      const open = document.querySelectorAll('.dialog');
      if (open[open.length - 1] !== ref.current) return;
      e.preventDefault();
      e.stopPropagation();
      latest.current.onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('[data-autofocus], input, select, button.primary');
    first?.focus();
    return () => before?.focus?.();
  }, []);

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        // Focusable, so a click on plain content keeps focus (and Esc) inside the dialog.
        tabIndex={-1}
        aria-label={title}
        data-testid={testId}
        style={{ width }}
        onKeyDown={(e) => e.stopPropagation()}
      >
        <header className="dialog-head">
          <h2>{title}</h2>
          <button className="btn ghost icon" onClick={onClose} disabled={busy} aria-label="Close" title="Close (Esc)">
            <Icon name="close" />
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer ? <footer className="dialog-foot">{footer}</footer> : null}
      </div>
    </div>
  );
}
