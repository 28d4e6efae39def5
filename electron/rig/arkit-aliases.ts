// The 52 ARKit blendshapes and the controls of the default control set they correspond to.
// One ARKit shape may drive several controls (browInnerUp → browInnerUp_L + _R): on import its
// deltas are split between them by side (and upper/lower lip for mouthFunnel); on export the
// controls' values are combined back (the export code decides how, e.g. their mean).
// "Left"/"Right" are the actor's left and right, as in ARKit.

export const ARKIT_BLENDSHAPES = [
  'eyeBlinkLeft',
  'eyeLookDownLeft',
  'eyeLookInLeft',
  'eyeLookOutLeft',
  'eyeLookUpLeft',
  'eyeSquintLeft',
  'eyeWideLeft',
  'eyeBlinkRight',
  'eyeLookDownRight',
  'eyeLookInRight',
  'eyeLookOutRight',
  'eyeLookUpRight',
  'eyeSquintRight',
  'eyeWideRight',
  'jawForward',
  'jawLeft',
  'jawRight',
  'jawOpen',
  'mouthClose',
  'mouthFunnel',
  'mouthPucker',
  'mouthLeft',
  'mouthRight',
  'mouthSmileLeft',
  'mouthSmileRight',
  'mouthFrownLeft',
  'mouthFrownRight',
  'mouthDimpleLeft',
  'mouthDimpleRight',
  'mouthStretchLeft',
  'mouthStretchRight',
  'mouthRollLower',
  'mouthRollUpper',
  'mouthShrugLower',
  'mouthShrugUpper',
  'mouthPressLeft',
  'mouthPressRight',
  'mouthLowerDownLeft',
  'mouthLowerDownRight',
  'mouthUpperUpLeft',
  'mouthUpperUpRight',
  'browDownLeft',
  'browDownRight',
  'browInnerUp',
  'browOuterUpLeft',
  'browOuterUpRight',
  'cheekPuff',
  'cheekSquintLeft',
  'cheekSquintRight',
  'noseSneerLeft',
  'noseSneerRight',
  'tongueOut',
] as const;

export type ArkitBlendshape = (typeof ARKIT_BLENDSHAPES)[number];

const SIDED: Readonly<Record<string, string>> = {
  eyeBlink: 'eyeBlink',
  eyeLookDown: 'eyeLookDown',
  eyeLookIn: 'eyeLookIn',
  eyeLookOut: 'eyeLookOut',
  eyeLookUp: 'eyeLookUp',
  eyeSquint: 'eyeSquint',
  eyeWide: 'eyeWide',
  mouthSmile: 'mouthCornerPull',
  mouthFrown: 'mouthCornerDepress',
  mouthDimple: 'mouthDimple',
  mouthStretch: 'mouthStretch',
  mouthPress: 'mouthPress',
  mouthLowerDown: 'mouthLowerLipDepress',
  mouthUpperUp: 'mouthUpperLipRaise',
  browDown: 'browDown',
  browOuterUp: 'browOuterUp',
  cheekSquint: 'cheekRaise',
  noseSneer: 'noseWrinkle',
};

const pair = (base: string): string[] => [`${base}_L`, `${base}_R`];

function buildTable(): Record<ArkitBlendshape, readonly string[]> {
  const t: Partial<Record<ArkitBlendshape, readonly string[]>> = {
    jawForward: ['jawForward'],
    jawLeft: ['jawLeft'],
    jawRight: ['jawRight'],
    jawOpen: ['jawOpen'],
    mouthClose: pair('mouthLipsTogether'),
    mouthFunnel: [...pair('mouthFunnelUpper'), ...pair('mouthFunnelLower')],
    mouthPucker: pair('mouthPucker'),
    mouthLeft: ['mouthLeft'],
    mouthRight: ['mouthRight'],
    mouthRollLower: pair('mouthRollInLower'),
    mouthRollUpper: pair('mouthRollInUpper'),
    mouthShrugLower: ['mouthShrugLower'],
    mouthShrugUpper: ['mouthShrugUpper'],
    browInnerUp: pair('browInnerUp'),
    cheekPuff: pair('cheekPuff'),
    tongueOut: ['tongueOut'],
  };
  for (const [arkit, control] of Object.entries(SIDED)) {
    t[`${arkit}Left` as ArkitBlendshape] = [`${control}_L`];
    t[`${arkit}Right` as ArkitBlendshape] = [`${control}_R`];
  }
  return t as Record<ArkitBlendshape, readonly string[]>;
}

/** ARKit blendshape → the controls it drives (in the default control set). */
export const ARKIT_TO_CONTROLS: Readonly<Record<ArkitBlendshape, readonly string[]>> = buildTable();

/** Control → the ARKit blendshape that carries it (controls without one are absent). */
export const CONTROL_TO_ARKIT: Readonly<Record<string, ArkitBlendshape>> = Object.fromEntries(
  ARKIT_BLENDSHAPES.flatMap((a) => ARKIT_TO_CONTROLS[a].map((c) => [c, a] as const)),
);

/** Lower-case, no separators: "eyeBlink_L", "EyeBlinkLeft", "eye-blink-left" all meet. */
export function normaliseShapeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Every accepted spelling (normalised) → ARKit name: "eyeBlinkLeft", "eyeBlink_L", "eyeBlinkL"… */
const LOOKUP: ReadonlyMap<string, ArkitBlendshape> = (() => {
  const m = new Map<string, ArkitBlendshape>();
  for (const a of ARKIT_BLENDSHAPES) {
    m.set(normaliseShapeName(a), a);
    const side = /(Left|Right)$/.exec(a);
    if (side) {
      const base = normaliseShapeName(a.slice(0, -side[1]!.length));
      m.set(base + (side[1] === 'Left' ? 'l' : 'r'), a);
    }
  }
  return m;
})();

/** The ARKit blendshape a target name spells, if any (case and separators ignored). */
export function arkitNameOf(targetName: string): ArkitBlendshape | null {
  return LOOKUP.get(normaliseShapeName(targetName)) ?? null;
}
