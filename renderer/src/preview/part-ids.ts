// The id pass's encoding: each of the rig's meshes (head, eyes, mouth, teeth, tongue, ears) drawn in
// a flat colour of its own, split at the face's midline into a left and a right half, so a read-back
// says how many pixels of each part, on each side, reached the screen (depth-tested: what is seen).
// A missing eye shows as one side of "eyes" at zero; a mesh that did not draw, as both. Pure: no
// three, no DOM (head-view.ts draws the pass, the test hook reads it).

/** Halves per part: 0 the rig's −x side (the actor's right, the image's left from the front), 1 its +x side. */
export const SIDES = 2;

/** Red channel step between ids: wide enough that an exact flat colour never rounds into its neighbour. */
const STEP = 16;

/** The id of a part's side (1 and up; 0 is nothing drawn). At most 15 ids (7 parts). */
export function partId(part: number, side: number): number {
  return part * SIDES + side + 1;
}

/** The id's colour as a shader writes it (0…1 per channel). */
export function idColor(id: number): [number, number, number] {
  return [(id * STEP) / 255, 0, 1];
}

/**
 * Pixels per part and side in an RGBA read-back of the id pass (cleared to transparent black):
 * counts[part][side]. A pixel whose colour is not an id's (none are, without MSAA) is counted in `other`.
 */
export function countParts(pixels: Uint8Array, parts: number): { counts: number[][]; other: number } {
  const counts = Array.from({ length: parts }, () => new Array<number>(SIDES).fill(0));
  let other = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3]! < 128) continue;
    const id = Math.round(pixels[i]! / STEP);
    const exact = Math.abs(pixels[i]! - id * STEP) <= 2 && pixels[i + 2]! > 250;
    const part = Math.floor((id - 1) / SIDES);
    if (!exact || id < 1 || part >= parts) {
      other++;
      continue;
    }
    counts[part]![(id - 1) % SIDES]!++;
  }
  return { counts, other };
}
