// The previews on screen, for the test hook (test-hook.ts) and nothing else. The shot view may
// show more than one (beside the plate and in a panel): the hook drives the latest mounted.
import type { HeadView } from './head-view';
import type { PreviewController } from './preview-controller';

export interface ActivePreview {
  readonly view: HeadView;
  readonly controller: PreviewController;
}

const mounted: ActivePreview[] = [];

/** Registers a mounted preview; returns its unregister. */
export function addActivePreview(p: ActivePreview): () => void {
  mounted.push(p);
  return () => {
    const i = mounted.indexOf(p);
    if (i >= 0) mounted.splice(i, 1);
  };
}

export function activePreview(): ActivePreview | null {
  return mounted[mounted.length - 1] ?? null;
}
