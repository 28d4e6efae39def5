// The preview on screen, for the test hook (test-hook.ts) and nothing else.
import type { HeadView } from './head-view';
import type { PreviewController } from './preview-controller';

export interface ActivePreview {
  readonly view: HeadView;
  readonly controller: PreviewController;
}

let active: ActivePreview | null = null;

export function setActivePreview(p: ActivePreview | null): void {
  active = p;
}

export function activePreview(): ActivePreview | null {
  return active;
}
