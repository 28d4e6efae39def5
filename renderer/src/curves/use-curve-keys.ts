// The curve editor's window keys. Registered in the capture phase so they are seen before the
// shot view's keys; a key handled here is marked defaultPrevented, which the shot view skips.
// Typing in a field (the channel search, a pose name) is left alone.
import { useEffect } from 'react';
import { isTypingTarget } from '../keyboard';
import {
  copyKeys,
  deleteSelectedKeys,
  frameAll,
  frameSelection,
  nudgeSelectedKeys,
  pasteKeys,
  selectAllKeys,
  setInterp,
  setKeyAtPlayhead,
  toggleAB,
} from './actions';
import { curveKeyAction, type CurveAction } from './curve-keys';
import { editorState, useCurveEditor } from './editor-store';
import { graphController } from './graph-controller';
import { redo, undo } from './session';

/** Runs an action; false when it does not apply now (the key then keeps its other meaning). */
export function runCurveAction(a: CurveAction): boolean {
  const st = editorState();
  const ready = st.phase === 'ready';
  switch (a.type) {
    case 'cancel': {
      if (graphController()?.cancelGesture()) return true;
      if (st.keySel.size > 0) {
        useCurveEditor.setState({ keySel: new Set() });
        return true;
      }
      return false;
    }
    case 'toggleAB':
      toggleAB();
      return true;
    default:
      break;
  }
  // Undo and redo reach the shot's history with or without a take (the preview's field of view).
  if (!ready && !(st.shotId !== null && (a.type === 'undo' || a.type === 'redo'))) return false;
  const graph = graphController();
  // No edits while a drag is in flight: it owns the temporary state until released.
  if (graph?.dragging && a.type !== 'frameAll' && a.type !== 'frameSelection') return true;
  // Undo/redo work wherever the shot is; editing keys needs the graph on screen (not in review).
  if (!graph && a.type !== 'undo' && a.type !== 'redo') return false;
  switch (a.type) {
    case 'setKey':
      setKeyAtPlayhead();
      return true;
    case 'deleteKeys':
      if (st.keySel.size === 0) return false;
      deleteSelectedKeys();
      return true;
    case 'frameAll':
      frameAll();
      return true;
    case 'frameSelection':
      frameSelection();
      return true;
    case 'copy':
      copyKeys();
      return true;
    case 'paste':
      pasteKeys(a.mirror);
      return true;
    case 'undo':
      void undo();
      return true;
    case 'redo':
      void redo();
      return true;
    case 'interp':
      setInterp(a.interp);
      return true;
    case 'selectAllKeys':
      selectAllKeys();
      return true;
    case 'nudge':
      return nudgeSelectedKeys(a.dFrame, a.dValue);
    default:
      return false;
  }
}

export function useCurveKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || isTypingTarget(e.target) || document.querySelector('.dialog')) return;
      const a = curveKeyAction(e);
      if (a && runCurveAction(a)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
