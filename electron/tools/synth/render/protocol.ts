// Messages between the render pool and its workers.
import type { Rig } from '../../../rig/types';
import type { RendererOptions } from './renderer';
import type { RenderRequest, RenderResult } from './types';

export type ToWorker =
  | { readonly type: 'init'; readonly rig: Rig; readonly options: RendererOptions }
  | { readonly type: 'render'; readonly id: number; readonly requests: readonly RenderRequest[] };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly id: number; readonly results: readonly RenderResult[] }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
