// All generated parts of the default head, in the order they are stored in the GLB.
import { buildEars } from './ears';
import { buildEyes } from './eyes';
import type { MouthSack } from './mouth-sack';
import { buildMouthSack } from './mouth-sack';
import type { PartGeometry } from './part-builder';
import type { SkinPart } from './skin';
import { buildSkin } from './skin';
import type { TeethPart } from './teeth';
import { buildTeeth } from './teeth';
import { buildTongue } from './tongue';

export interface HeadParts {
  readonly skin: SkinPart;
  readonly eyes: PartGeometry;
  readonly mouth: MouthSack;
  readonly teeth: TeethPart;
  readonly tongue: PartGeometry;
  readonly ears: PartGeometry;
}

export function buildHeadParts(): HeadParts {
  const skin = buildSkin();
  return { skin, eyes: buildEyes(), mouth: buildMouthSack(skin), teeth: buildTeeth(), tongue: buildTongue(), ears: buildEars() };
}

export function partList(h: HeadParts): PartGeometry[] {
  return [h.skin, h.eyes, h.mouth, h.teeth, h.tongue, h.ears];
}
