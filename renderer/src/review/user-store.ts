// Who is acting: typed once (settings, or when first needed), kept in localStorage, sent as `by`
// with status changes and as `author` with notes. A reviewer in a browser gives it the same way.
import { create } from 'zustand';

const KEY = 'rigsolve.userName';
export const MAX_NAME = 80;

function readStored(): string {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? '';
  } catch {
    return ''; // storage blocked (private mode): the name lasts for the session
  }
}

/** The name as the API takes it (trimmed, 1–80 characters), or an error for the field. */
export function validateUserName(raw: string): { ok: true; name: string } | { ok: false; message: string } {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!name) return { ok: false, message: 'Type a name: it goes with your notes and status changes.' };
  if (name.length > MAX_NAME) return { ok: false, message: `At most ${MAX_NAME} characters.` };
  return { ok: true, name };
}

interface UserState {
  name: string;
  /** Pending "who are you?" prompt: resolved with the name, or null when dismissed. */
  prompt: ((name: string | null) => void) | null;
  /** The settings dialog is open. */
  editing: boolean;
}

export const useUser = create<UserState>()(() => ({ name: readStored(), prompt: null, editing: false }));

export function setUserName(name: string): void {
  try {
    globalThis.localStorage?.setItem(KEY, name);
  } catch {
    // see readStored
  }
  useUser.setState({ name });
}

/** The user's name, asking for it first when none is set; null when the user dismissed the prompt. */
export function ensureUserName(): Promise<string | null> {
  const { name, prompt } = useUser.getState();
  if (name) return Promise.resolve(name);
  prompt?.(null);
  return new Promise((resolve) => useUser.setState({ prompt: resolve }));
}

export function answerPrompt(name: string | null): void {
  const { prompt } = useUser.getState();
  if (name) setUserName(name);
  useUser.setState({ prompt: null });
  prompt?.(name);
}
