// The page's one frame loader: the cache is shared by every shot view opened in this session,
// so going back to a shot just viewed is instant.
import { api } from '../api/current';
import { FrameLoader } from './frame-loader';
import { createImageLoader } from './image-source';

let loader: FrameLoader<ImageBitmap> | null = null;

export function frameLoader(): FrameLoader<ImageBitmap> {
  loader ??= new FrameLoader<ImageBitmap>({
    url: (k) => api().frameUrl(k.shotId, k.kind, k.frame, k.width),
    loadImage: createImageLoader(),
  });
  return loader;
}
