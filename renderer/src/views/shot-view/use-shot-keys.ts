// Window-level keys of the shot view (see keyboard/keymap.ts). Ignored while typing in a
// field or while a dialog is open.
import { useEffect } from 'react';
import { isTypingTarget, type ShotAction, shotKeyAction } from '../../keyboard';
import { seek, step, togglePlay, usePlayhead } from '../../state/playhead';

export function useShotKeys(handle: (a: ShotAction) => boolean): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target) || document.querySelector('.dialog')) return;
      const action = shotKeyAction(e);
      if (!action) return;
      if (handle(action)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handle]);
}

/** The transport part of the key map, shared by the keys and the buttons. */
export function runTransport(a: ShotAction): boolean {
  const s = usePlayhead.getState();
  switch (a.type) {
    case 'togglePlay':
      togglePlay();
      return true;
    case 'step':
      step(a.delta);
      return true;
    case 'first':
      seek(s.first);
      return true;
    case 'last':
      seek(s.last);
      return true;
    default:
      return false;
  }
}
