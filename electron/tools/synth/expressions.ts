// Facial-action knowledge shared by the motion generator (shots) and the expression prior
// (training data): FACS-style expression templates, speech visemes, and how control names pair
// up (left/right twins, antagonists). Keys without a side suffix apply to both _L and _R.
import { DEFAULT_CONTROLS, mirrorControlName } from '../../common/controls';

export type Template = Readonly<Record<string, number>>;

/** Prototypical expressions (after the FACS/EMFACS action-unit combinations). */
export const EXPRESSIONS: Readonly<Record<string, Template>> = {
  smile: { mouthCornerPull: 0.75, cheekRaise: 0.55, eyeSquint: 0.25, eyeLowerLidUp: 0.2, noseNasolabialDeepen: 0.3 },
  broadSmile: {
    mouthCornerPull: 1,
    cheekRaise: 0.8,
    eyeSquint: 0.45,
    jawOpen: 0.3,
    mouthUpperLipRaise: 0.35,
    mouthLowerLipDepress: 0.3,
    noseNasolabialDeepen: 0.5,
  },
  politeSmile: { mouthCornerPull: 0.45, mouthDimple: 0.25, mouthPress: 0.2 },
  surprise: { browInnerUp: 0.85, browOuterUp: 0.9, eyeWide: 0.75, jawOpen: 0.45, neckStretch: 0.1 },
  anger: { browDown: 0.8, browLateral: 0.6, eyeWide: 0.25, eyeSquint: 0.35, mouthTighten: 0.55, mouthPress: 0.5, noseWrinkle: 0.2, jawClench: 0.5 },
  rage: { browDown: 1, browLateral: 0.8, eyeWide: 0.5, mouthUpperLipRaise: 0.6, mouthStretch: 0.4, jawOpen: 0.35, noseWrinkle: 0.4, neckStretch: 0.6 },
  disgust: { noseWrinkle: 0.8, mouthUpperLipRaise: 0.65, browDown: 0.45, eyeSquint: 0.45, cheekRaise: 0.3, chinRaise: 0.3, mouthCornerDepress: 0.2 },
  sadness: { browInnerUp: 0.8, browLateral: 0.35, mouthCornerDepress: 0.65, chinRaise: 0.45, eyeBlink: 0.15, mouthShrugLower: 0.3 },
  fear: { browInnerUp: 0.8, browOuterUp: 0.5, browLateral: 0.5, eyeWide: 0.85, mouthStretch: 0.65, jawOpen: 0.3, neckStretch: 0.45 },
  contempt_L: { mouthDimple_L: 0.75, mouthCornerPull_L: 0.3, mouthSharpCornerPull_L: 0.2 },
  pout: { mouthPucker: 0.6, mouthShrugLower: 0.5, chinRaise: 0.55, mouthRollOutLower: 0.3 },
  lipPress: { mouthPress: 0.8, mouthTighten: 0.3, chinRaise: 0.4, mouthRollInUpper: 0.2, mouthRollInLower: 0.2 },
  thinking: { browDown: 0.3, browLateral: 0.2, mouthLeft: 0.4, mouthPress: 0.3, eyeSquint: 0.2 },
  cheekBlow: { cheekPuff: 0.9, mouthLipsTogether: 0.2, mouthPucker: 0.2 },
  cheekSuck: { cheekSuck: 0.8, mouthPucker: 0.5, mouthFunnelUpper: 0.2 },
  sneer_L: { mouthUpperLipRaise_L: 0.8, noseWrinkle_L: 0.6, mouthSharpCornerPull_L: 0.4, eyeSquint_L: 0.3 },
  squint: { eyeSquint: 0.8, cheekRaise: 0.4, browDown: 0.3, eyeLowerLidUp: 0.4 },
  yawn: { jawOpen: 1, jawOpenExtreme: 0.6, eyeSquint: 0.5, eyeBlink: 0.4, browInnerUp: 0.3, mouthStretch: 0.3, neckStretch: 0.3, tongueDown: 0.4 },
  grimace: { mouthStretch: 0.8, mouthCornerPull: 0.3, neckStretch: 0.7, jawClench: 0.6, eyeSquint: 0.6, browDown: 0.4, mouthUpperLipRaise: 0.3 },
  tongueOut: { tongueOut: 0.8, jawOpen: 0.35 },
  kiss: { mouthPucker: 1, mouthFunnelUpper: 0.35, mouthFunnelLower: 0.35, mouthCornerNarrow: 0.5 },
  lipBite: { mouthLowerLipBite: 0.7, mouthUpperLipRaise: 0.2, jawOpen: 0.05 },
  jawShift: { jawLeft: 0.6, mouthLeft: 0.3 },
  swallow: { neckSwallow: 1, mouthPress: 0.3, chinRaise: 0.2 },
  nostrilFlare: { noseNostrilDilate: 0.9, mouthUpperLipRaise: 0.15 },
};

/** Speech mouth shapes (viseme classes), jaw and lips; `weight` is how common they are. */
export const VISEMES: readonly { readonly name: string; readonly weight: number; readonly vowel: boolean; readonly shape: Template }[] = [
  { name: 'AA', weight: 3, vowel: true, shape: { jawOpen: 0.6, mouthStretch: 0.1, mouthLowerLipDepress: 0.2 } },
  { name: 'EH', weight: 3, vowel: true, shape: { jawOpen: 0.38, mouthStretch: 0.25, mouthCornerPull: 0.1, mouthUpperLipRaise: 0.1 } },
  { name: 'IY', weight: 2, vowel: true, shape: { jawOpen: 0.12, mouthStretch: 0.4, mouthCornerPull: 0.2, mouthUpperLipRaise: 0.15 } },
  { name: 'OW', weight: 2, vowel: true, shape: { jawOpen: 0.35, mouthFunnelUpper: 0.45, mouthFunnelLower: 0.45, mouthPucker: 0.3 } },
  { name: 'UW', weight: 1.5, vowel: true, shape: { jawOpen: 0.12, mouthPucker: 0.7, mouthFunnelUpper: 0.35, mouthFunnelLower: 0.3, mouthCornerNarrow: 0.3 } },
  { name: 'MBP', weight: 2.5, vowel: false, shape: { mouthPress: 0.4, mouthLipsTogether: 0.35, mouthRollInUpper: 0.1, mouthRollInLower: 0.1 } },
  { name: 'FV', weight: 1.5, vowel: false, shape: { jawOpen: 0.08, mouthRollInLower: 0.45, mouthLowerLipBite: 0.3, mouthUpperLipRaise: 0.2 } },
  { name: 'TH', weight: 0.7, vowel: false, shape: { jawOpen: 0.15, tongueOut: 0.3, tongueUp: 0.2 } },
  { name: 'LTDN', weight: 3, vowel: false, shape: { jawOpen: 0.15, tongueUp: 0.55 } },
  { name: 'SZ', weight: 2.5, vowel: false, shape: { jawOpen: 0.05, mouthStretch: 0.3, mouthCornerPull: 0.1, mouthUpperLipRaise: 0.1 } },
  {
    name: 'CHSH',
    weight: 1,
    vowel: false,
    shape: { jawOpen: 0.1, mouthFunnelUpper: 0.5, mouthFunnelLower: 0.4, mouthPucker: 0.3, mouthRollOutUpper: 0.3, mouthRollOutLower: 0.3 },
  },
  { name: 'KG', weight: 1.5, vowel: false, shape: { jawOpen: 0.2, tongueUp: 0.3, tongueDown: 0.1 } },
  { name: 'R', weight: 1, vowel: false, shape: { jawOpen: 0.15, mouthPucker: 0.35, mouthFunnelUpper: 0.2 } },
];

/** Pairs that cannot both be active (one muscle action and its opposite). */
export const ANTAGONISTS: readonly (readonly [string, string])[] = [
  ['eyeLookUp_L', 'eyeLookDown_L'],
  ['eyeLookUp_R', 'eyeLookDown_R'],
  ['eyeLookIn_L', 'eyeLookOut_L'],
  ['eyeLookIn_R', 'eyeLookOut_R'],
  ['eyeLowerLidUp_L', 'eyeLowerLidDown_L'],
  ['eyeLowerLidUp_R', 'eyeLowerLidDown_R'],
  ['mouthLeft', 'mouthRight'],
  ['mouthUp', 'mouthDown'],
  ['jawLeft', 'jawRight'],
  ['jawForward', 'jawBack'],
  ['tongueLeft', 'tongueRight'],
  ['tongueUp', 'tongueDown'],
  ['cheekPuff_L', 'cheekSuck_L'],
  ['cheekPuff_R', 'cheekSuck_R'],
  ['mouthRollInUpper_L', 'mouthRollOutUpper'],
  ['mouthRollInUpper_R', 'mouthRollOutUpper'],
  ['mouthRollInLower_L', 'mouthRollOutLower'],
  ['mouthRollInLower_R', 'mouthRollOutLower'],
  ['noseNostrilDilate_L', 'noseNostrilCompress_L'],
  ['noseNostrilDilate_R', 'noseNostrilCompress_R'],
];

/** Index of each control name; templates resolve through it (absent names are skipped). */
export type ControlIndex = ReadonlyMap<string, number>;

export function indexControls(controls: readonly string[]): ControlIndex {
  return new Map(controls.map((n, i) => [n, i]));
}

/** Template → (control index, value) list for the rig; bilateral keys expand to _L and _R. */
export function resolveTemplate(t: Template, idx: ControlIndex): [number, number][] {
  const out: [number, number][] = [];
  for (const [key, v] of Object.entries(t)) {
    const direct = idx.get(key);
    if (direct !== undefined) {
      out.push([direct, v]);
      continue;
    }
    for (const side of ['_L', '_R']) {
      const i = idx.get(key + side);
      if (i !== undefined) out.push([i, v]);
    }
  }
  return out;
}

/** Side of a control: from the default control set, else from its name's suffix. */
export function controlSide(name: string): 'L' | 'R' | 'C' {
  const def = DEFAULT_CONTROLS.find((c) => c.name === name);
  if (def) return def.side;
  if (/(_L|Left|_l)$/.test(name)) return 'L';
  if (/(_R|Right|_r)$/.test(name)) return 'R';
  return 'C';
}

/** The control's left/right twin index (itself when central or when the twin is missing). */
export function twinIndex(name: string, idx: ControlIndex): number | undefined {
  const m = mirrorControlName(name);
  return m === name ? undefined : idx.get(m);
}

/** Region of a control for the manifest: the default set's, else a guess from the name. */
export function controlRegion(name: string): string {
  const def = DEFAULT_CONTROLS.find((c) => c.name === name);
  if (def) return def.region;
  const n = name.toLowerCase();
  for (const [re, region] of [
    [/brow/, 'brow'],
    [/blink|squint|wide|lid/, 'eyelid'],
    [/eyelook|look/, 'gaze'],
    [/nose|sneer|nostril/, 'nose'],
    [/cheek/, 'cheek'],
    [/smile|frown|dimple|stretch|corner/, 'mouthCorner'],
    [/jaw/, 'jaw'],
    [/tongue/, 'tongue'],
    [/neck|swallow/, 'neck'],
    [/chin/, 'chin'],
    [/mouth(left|right|up|down)/, 'mouth'],
    [/mouth|lip|pucker|funnel|roll|press|shrug/, 'lips'],
  ] as const) {
    if (re.test(n)) return region;
  }
  return 'other';
}
