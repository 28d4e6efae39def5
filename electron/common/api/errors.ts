// An error meant for the user: a code the UI and CLI can act on, and a one-line message.
// Anything else that escapes a handler is an internal error (logged with its stack, shown as one line).
import type { ApiErrorCode } from './contract';

export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string): AppError => new AppError('badInput', message);
export const notFound = (message: string): AppError => new AppError('notFound', message);
export const conflict = (message: string): AppError => new AppError('conflict', message);
export const forbidden = (message: string): AppError => new AppError('forbidden', message);
