// The curve editor's UI state: what is loaded, which channels are selected/shown, the key
// selection, the graph view, history labels. Evaluated curves live in the CurveModel (typed
// arrays, not React state); components read this store, the canvas subscribes imperatively.
import { create } from 'zustand';
import { KEY_MODES, type KeyClip, type KeyMode } from '../../../electron/common/curves/keys';
import type { LayerState } from '../../../electron/common/edits';
import type { CurveBuffer } from './buffer-curve';
import type { CurveModel } from './curve-model';
import { isStringArray, isStringRecord, readPref } from './prefs';
import type { GraphView } from './view';

export type EditorPhase = 'idle' | 'loading' | 'unsolved' | 'solving' | 'ready' | 'error';

export interface CurveEditorState {
  shotId: number | null;
  phase: EditorPhase;
  /** Why it is not ready (error text, solve progress). */
  message: string;
  model: CurveModel | null;
  /** The committed layer (changes on commit, undo, redo, another window's edit). */
  layer: LayerState | null;
  /** Selected controls, in the order they were selected; their curves are drawn. */
  selected: readonly string[];
  /** The row a Shift-click extends from. */
  anchor: string | null;
  hidden: ReadonlySet<string>;
  solo: ReadonlySet<string>;
  colors: Readonly<Record<string, string>>;
  collapsed: ReadonlySet<string>;
  search: string;
  /** Selected keys, as keyId(control, frame). */
  keySel: ReadonlySet<string>;
  view: GraphView | null;
  showRaw: boolean;
  showFiltered: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  clipboard: KeyClip | null;
  /** A commit, undo or redo is on its way to the database. */
  saving: boolean;
  /** Last thing done, for the status line. */
  status: string;
  /** The mode of keys made by S, a slider or a pose: 'pose' (the key is the value) unless the animator picks 'offset'. */
  keyMode: KeyMode;
  /** The buffer curve (kept curves, drawn dashed), or null. */
  buffer: CurveBuffer | null;
}

const isKeyMode = (v: unknown): v is KeyMode => typeof v === 'string' && (KEY_MODES as readonly string[]).includes(v);

export const useCurveEditor = create<CurveEditorState>()(() => ({
  shotId: null,
  phase: 'idle',
  message: '',
  model: null,
  layer: null,
  selected: [],
  anchor: null,
  hidden: new Set(readPref('curves.hidden', [], isStringArray)),
  solo: new Set(),
  colors: readPref('curves.colors', {}, isStringRecord),
  collapsed: new Set(),
  search: '',
  keySel: new Set(),
  view: null,
  showRaw: true,
  showFiltered: true,
  undoLabel: null,
  redoLabel: null,
  clipboard: null,
  saving: false,
  status: '',
  keyMode: readPref('curves.keyMode', 'pose', isKeyMode),
  buffer: null,
}));

export const editorState = (): CurveEditorState => useCurveEditor.getState();
