// Both hosts deliver an ApiResponse; this checks its shape and the result's schema, so a host of
// another version fails with a clear message instead of a crash deep in a view.
import { ApiError, CHANNELS, EVENTS, type ChannelName, type ChannelResult, type EventName, type EventPayload } from '../../../electron/common/api/contract';
import { ApiCallError } from './errors';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function unwrapResponse<C extends ChannelName>(channel: C, response: unknown): ChannelResult<C> {
  if (!isRecord(response) || typeof response.ok !== 'boolean') {
    throw new ApiCallError('badResponse', `The host sent a malformed reply to ${channel}.`, channel);
  }
  if (!response.ok) {
    const parsed = ApiError.safeParse(response.error);
    if (!parsed.success) throw new ApiCallError('internal', `${channel} failed without details.`, channel);
    throw new ApiCallError(parsed.data.code, parsed.data.message, channel);
  }
  const result = CHANNELS[channel].result.safeParse(response.result);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? ` (${first.path.join('.') || 'result'}: ${first.message})` : '';
    throw new ApiCallError('badResponse', `The host's reply to ${channel} does not match this app's version${where}.`, channel);
  }
  // safeParse over a generic channel is typed as the union of every result; this one is C's.
  return result.data as ChannelResult<C>;
}

/** Validated event payload, or null when it does not match (a stray event is dropped, not thrown). */
export function parseEvent<E extends EventName>(event: E, payload: unknown): EventPayload<E> | null {
  const parsed = EVENTS[event].safeParse(payload);
  return parsed.success ? (parsed.data as EventPayload<E>) : null;
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(EVENTS, name);
}
