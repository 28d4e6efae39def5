// Every failure the renderer sees from the API is an ApiCallError: a code the UI can act on and
// a message written for a person. Stack traces never reach the screen.
import type { ApiErrorCode } from '../../../electron/common/api/contract';

/** The host's codes, plus the ones only the client can know about. */
export type ClientErrorCode = ApiErrorCode | 'disconnected' | 'badResponse';

export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly channel: string | null = null,
  ) {
    super(cleanMessage(message));
  }
}

const TITLES: Record<ClientErrorCode, string> = {
  invalidArgs: 'Invalid request',
  unknownChannel: 'Not supported by this host',
  notFound: 'Not found',
  badInput: 'Cannot use this input',
  forbidden: 'Not allowed',
  conflict: 'Conflict',
  internal: 'The host hit an error',
  disconnected: 'Connection lost',
  badResponse: 'Unexpected reply from the host',
};

export function errorTitle(code: ClientErrorCode): string {
  return TITLES[code];
}

const MAX_MESSAGE = 600;

/** Drops stack frames and Electron's IPC wrapper text, and bounds the length. */
export function cleanMessage(message: string): string {
  const lines = message
    .replace(/^Error invoking remote method '[^']*': /, '')
    .split(/\r?\n/)
    .filter((l) => !/^\s+at\s/.test(l));
  const text = lines
    .join('\n')
    .trim()
    .replace(/^(Error|TypeError|RangeError): /, '');
  const bounded = text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
  return bounded || 'No details were given.';
}

/** Turns anything thrown (ours, a DOM error, a string) into an ApiCallError. */
export function toApiCallError(err: unknown, channel: string | null = null): ApiCallError {
  if (err instanceof ApiCallError) return err;
  if (err instanceof Error) return new ApiCallError('internal', err.message, channel);
  return new ApiCallError('internal', typeof err === 'string' ? err : 'Unknown error', channel);
}
