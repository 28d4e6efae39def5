// The head preview as a shot panel, loaded on first use: three.js and the preview stay out of
// the start-up bundle until someone opens the Head panel.
import { lazy, Suspense } from 'react';
import type { ShotPanelProps } from '../ui/shot-panel';

const LazyHeadPreview = lazy(() => import('./HeadPreview').then((m) => ({ default: m.HeadPreview })));

export function HeadPreviewPanel(props: ShotPanelProps) {
  return (
    <Suspense
      fallback={
        <div className="loading-center">
          <span className="spinner" /> Loading the head preview…
        </div>
      }
    >
      <LazyHeadPreview {...props} />
    </Suspense>
  );
}
