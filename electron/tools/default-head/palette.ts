// Albedo palette of the default head: sRGB picks converted to linear RGB (COLOR_0 is linear).
import { srgb } from './math';

export const PALETTE = {
  skin: srgb(214, 163, 134),
  skinRed: srgb(206, 128, 110),
  lip: srgb(176, 92, 90),
  lipInner: srgb(160, 70, 72),
  brow: srgb(66, 46, 34),
  hair: srgb(58, 40, 30),
  lash: srgb(40, 28, 24),
  nostril: srgb(70, 36, 32),
  sclera: srgb(236, 230, 222),
  scleraEdge: srgb(214, 196, 190),
  iris: srgb(78, 112, 132),
  irisInner: srgb(120, 104, 70),
  pupil: srgb(6, 6, 8),
  teeth: srgb(232, 224, 204),
  tongue: srgb(196, 98, 104),
  mouthInterior: srgb(58, 18, 22),
  gums: srgb(176, 84, 92),
} as const;
