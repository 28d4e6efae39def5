// The one API instance of this page, set by main.tsx before the first render. Views and state
// actions reach it here rather than through props, and tests install a fake with setApi.
import type { HostApi } from './create-api';

let current: HostApi | null = null;

export function setApi(api: HostApi): void {
  current = api;
}

export function api(): HostApi {
  if (!current) throw new Error('API used before start-up installed it');
  return current;
}
