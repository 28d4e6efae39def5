// Transient messages in the corner. Errors stay until dismissed (a user who looked away must
// still see what failed); info and success fade on their own.
import { create } from 'zustand';
import { ApiCallError, errorTitle, toApiCallError } from '../api/errors';

export type ToastKind = 'error' | 'info' | 'success';

export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  message: string;
}

interface ToastState {
  toasts: Toast[];
  push(t: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

const AUTO_DISMISS_MS = 5000;
const MAX_TOASTS = 5;
let nextId = 1;

export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  push(t) {
    const id = nextId++;
    // Same message again: replace rather than stack duplicates.
    const rest = get().toasts.filter((x) => !(x.title === t.title && x.message === t.message));
    set({ toasts: [...rest, { ...t, id }].slice(-MAX_TOASTS) });
    if (t.kind !== 'error') setTimeout(() => get().dismiss(id), AUTO_DISMISS_MS);
    return id;
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((x) => x.id !== id) });
  },
}));

/** Shows any failure as a readable toast; returns the typed error for callers that branch on it. */
export function reportError(err: unknown, context?: string): ApiCallError {
  const e = err instanceof ApiCallError ? err : toApiCallError(err);
  const title = context ? `${context}: ${errorTitle(e.code).toLowerCase()}` : errorTitle(e.code);
  useToasts.getState().push({ kind: 'error', title, message: e.message });
  return e;
}

export function notify(title: string, message = '', kind: ToastKind = 'info'): void {
  useToasts.getState().push({ kind, title, message });
}
