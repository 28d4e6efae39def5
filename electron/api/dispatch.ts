// Every API call, from either host, goes through here: the channel must exist, the caller must be
// allowed it, the arguments must match the contract, the paths it takes must be inside the host's
// file scope. Errors become {code, message}; a bug's stack goes to the log, never to the user.
import { z } from 'zod';
import { CHANNELS, type ApiResponse, type ChannelName } from '../common/api/contract';
import { AppError } from '../common/api/errors';
import type { AppContext } from './context';
import { checkPaths } from './file-scope';
import type { Handlers } from './handlers';

export function isChannel(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(CHANNELS, name);
}

export async function dispatch(handlers: Handlers, ctx: AppContext, channel: string, rawArgs: unknown): Promise<ApiResponse<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'unknownChannel', message: `unknown API channel "${channel}"` } };
  const spec = CHANNELS[channel];
  if (ctx.readOnly && spec.access !== 'read' && spec.access !== 'review') {
    return { ok: false, error: { code: 'forbidden', message: `read-only review session: ${channel} is not allowed` } };
  }
  const parsed = spec.args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalidArgs', message: `${channel}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}` } };
  }
  try {
    await checkPaths(ctx.fileScope, channel, parsed.data, ctx.userModelsDir);
    const handler = handlers[channel] as (args: unknown, ctx: AppContext) => Promise<unknown>;
    const run = (): Promise<unknown> => handler(parsed.data, ctx);
    const result = await (ctx.hold ? ctx.hold(run) : run());
    return { ok: true, result };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
    console.error(`[api] ${channel} failed:`, err);
    return { ok: false, error: { code: 'internal', message: `${channel} failed: ${(err as Error).message?.split('\n')[0] ?? String(err)}` } };
  }
}
