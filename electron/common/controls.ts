// The default rig's control set, generated from resources/rigs/controls.tsv (a copy of the
// design card's controls.tsv) by scripts/gen-controls.mjs. A test checks the two agree.

export const REGIONS = ['brow', 'eyelid', 'gaze', 'nose', 'cheek', 'mouthCorner', 'lips', 'mouth', 'chin', 'jaw', 'tongue', 'neck'] as const;
export type Region = (typeof REGIONS)[number];
export type Side = 'L' | 'R' | 'C';

export interface ControlDef {
  readonly index: number;
  readonly name: string;
  readonly facs: string;
  readonly region: Region;
  readonly side: Side;
}

export const DEFAULT_CONTROLS: readonly ControlDef[] = [
  { index: 0, name: 'browInnerUp_L', facs: 'AU1', region: 'brow', side: 'L' },
  { index: 1, name: 'browInnerUp_R', facs: 'AU1', region: 'brow', side: 'R' },
  { index: 2, name: 'browOuterUp_L', facs: 'AU2', region: 'brow', side: 'L' },
  { index: 3, name: 'browOuterUp_R', facs: 'AU2', region: 'brow', side: 'R' },
  { index: 4, name: 'browDown_L', facs: 'AU4', region: 'brow', side: 'L' },
  { index: 5, name: 'browDown_R', facs: 'AU4', region: 'brow', side: 'R' },
  { index: 6, name: 'browLateral_L', facs: 'AU4(corrugator)', region: 'brow', side: 'L' },
  { index: 7, name: 'browLateral_R', facs: 'AU4(corrugator)', region: 'brow', side: 'R' },
  { index: 8, name: 'eyeBlink_L', facs: 'AU45/43', region: 'eyelid', side: 'L' },
  { index: 9, name: 'eyeBlink_R', facs: 'AU45/43', region: 'eyelid', side: 'R' },
  { index: 10, name: 'eyeWide_L', facs: 'AU5', region: 'eyelid', side: 'L' },
  { index: 11, name: 'eyeWide_R', facs: 'AU5', region: 'eyelid', side: 'R' },
  { index: 12, name: 'eyeSquint_L', facs: 'AU7', region: 'eyelid', side: 'L' },
  { index: 13, name: 'eyeSquint_R', facs: 'AU7', region: 'eyelid', side: 'R' },
  { index: 14, name: 'cheekRaise_L', facs: 'AU6', region: 'eyelid', side: 'L' },
  { index: 15, name: 'cheekRaise_R', facs: 'AU6', region: 'eyelid', side: 'R' },
  { index: 16, name: 'eyeLowerLidUp_L', facs: 'AU7/44', region: 'eyelid', side: 'L' },
  { index: 17, name: 'eyeLowerLidUp_R', facs: 'AU7/44', region: 'eyelid', side: 'R' },
  { index: 18, name: 'eyeLowerLidDown_L', facs: 'AU7-inverse', region: 'eyelid', side: 'L' },
  { index: 19, name: 'eyeLowerLidDown_R', facs: 'AU7-inverse', region: 'eyelid', side: 'R' },
  { index: 20, name: 'eyeLookUp_L', facs: 'AU63', region: 'gaze', side: 'L' },
  { index: 21, name: 'eyeLookUp_R', facs: 'AU63', region: 'gaze', side: 'R' },
  { index: 22, name: 'eyeLookDown_L', facs: 'AU64', region: 'gaze', side: 'L' },
  { index: 23, name: 'eyeLookDown_R', facs: 'AU64', region: 'gaze', side: 'R' },
  { index: 24, name: 'eyeLookIn_L', facs: 'AU61/62', region: 'gaze', side: 'L' },
  { index: 25, name: 'eyeLookIn_R', facs: 'AU61/62', region: 'gaze', side: 'R' },
  { index: 26, name: 'eyeLookOut_L', facs: 'AU61/62', region: 'gaze', side: 'L' },
  { index: 27, name: 'eyeLookOut_R', facs: 'AU61/62', region: 'gaze', side: 'R' },
  { index: 28, name: 'noseWrinkle_L', facs: 'AU9', region: 'nose', side: 'L' },
  { index: 29, name: 'noseWrinkle_R', facs: 'AU9', region: 'nose', side: 'R' },
  { index: 30, name: 'noseNasolabialDeepen_L', facs: 'AU11', region: 'nose', side: 'L' },
  { index: 31, name: 'noseNasolabialDeepen_R', facs: 'AU11', region: 'nose', side: 'R' },
  { index: 32, name: 'noseNostrilDilate_L', facs: 'AU38', region: 'nose', side: 'L' },
  { index: 33, name: 'noseNostrilDilate_R', facs: 'AU38', region: 'nose', side: 'R' },
  { index: 34, name: 'noseNostrilCompress_L', facs: 'AU39', region: 'nose', side: 'L' },
  { index: 35, name: 'noseNostrilCompress_R', facs: 'AU39', region: 'nose', side: 'R' },
  { index: 36, name: 'cheekPuff_L', facs: 'AD34', region: 'cheek', side: 'L' },
  { index: 37, name: 'cheekPuff_R', facs: 'AD34', region: 'cheek', side: 'R' },
  { index: 38, name: 'cheekSuck_L', facs: 'AD35', region: 'cheek', side: 'L' },
  { index: 39, name: 'cheekSuck_R', facs: 'AD35', region: 'cheek', side: 'R' },
  { index: 40, name: 'mouthCornerPull_L', facs: 'AU12', region: 'mouthCorner', side: 'L' },
  { index: 41, name: 'mouthCornerPull_R', facs: 'AU12', region: 'mouthCorner', side: 'R' },
  { index: 42, name: 'mouthSharpCornerPull_L', facs: 'AU13', region: 'mouthCorner', side: 'L' },
  { index: 43, name: 'mouthSharpCornerPull_R', facs: 'AU13', region: 'mouthCorner', side: 'R' },
  { index: 44, name: 'mouthDimple_L', facs: 'AU14', region: 'mouthCorner', side: 'L' },
  { index: 45, name: 'mouthDimple_R', facs: 'AU14', region: 'mouthCorner', side: 'R' },
  { index: 46, name: 'mouthCornerDepress_L', facs: 'AU15', region: 'mouthCorner', side: 'L' },
  { index: 47, name: 'mouthCornerDepress_R', facs: 'AU15', region: 'mouthCorner', side: 'R' },
  { index: 48, name: 'mouthStretch_L', facs: 'AU20', region: 'mouthCorner', side: 'L' },
  { index: 49, name: 'mouthStretch_R', facs: 'AU20', region: 'mouthCorner', side: 'R' },
  { index: 50, name: 'mouthCornerNarrow_L', facs: 'AU18-corner', region: 'mouthCorner', side: 'L' },
  { index: 51, name: 'mouthCornerNarrow_R', facs: 'AU18-corner', region: 'mouthCorner', side: 'R' },
  { index: 52, name: 'mouthUpperLipRaise_L', facs: 'AU10', region: 'lips', side: 'L' },
  { index: 53, name: 'mouthUpperLipRaise_R', facs: 'AU10', region: 'lips', side: 'R' },
  { index: 54, name: 'mouthLowerLipDepress_L', facs: 'AU16', region: 'lips', side: 'L' },
  { index: 55, name: 'mouthLowerLipDepress_R', facs: 'AU16', region: 'lips', side: 'R' },
  { index: 56, name: 'mouthPucker_L', facs: 'AU18', region: 'lips', side: 'L' },
  { index: 57, name: 'mouthPucker_R', facs: 'AU18', region: 'lips', side: 'R' },
  { index: 58, name: 'mouthFunnelUpper_L', facs: 'AU22', region: 'lips', side: 'L' },
  { index: 59, name: 'mouthFunnelUpper_R', facs: 'AU22', region: 'lips', side: 'R' },
  { index: 60, name: 'mouthFunnelLower_L', facs: 'AU22', region: 'lips', side: 'L' },
  { index: 61, name: 'mouthFunnelLower_R', facs: 'AU22', region: 'lips', side: 'R' },
  { index: 62, name: 'mouthTighten_L', facs: 'AU23', region: 'lips', side: 'L' },
  { index: 63, name: 'mouthTighten_R', facs: 'AU23', region: 'lips', side: 'R' },
  { index: 64, name: 'mouthPress_L', facs: 'AU24', region: 'lips', side: 'L' },
  { index: 65, name: 'mouthPress_R', facs: 'AU24', region: 'lips', side: 'R' },
  { index: 66, name: 'mouthRollInUpper_L', facs: 'AU28', region: 'lips', side: 'L' },
  { index: 67, name: 'mouthRollInUpper_R', facs: 'AU28', region: 'lips', side: 'R' },
  { index: 68, name: 'mouthRollInLower_L', facs: 'AU28', region: 'lips', side: 'L' },
  { index: 69, name: 'mouthRollInLower_R', facs: 'AU28', region: 'lips', side: 'R' },
  { index: 70, name: 'mouthLipsTogether_L', facs: 'AU25-inverse(ARKit mouthClose)', region: 'lips', side: 'L' },
  { index: 71, name: 'mouthLipsTogether_R', facs: 'AU25-inverse(ARKit mouthClose)', region: 'lips', side: 'R' },
  { index: 72, name: 'mouthUpperLipBite', facs: 'AU32', region: 'lips', side: 'C' },
  { index: 73, name: 'mouthLowerLipBite', facs: 'AU32', region: 'lips', side: 'C' },
  { index: 74, name: 'mouthShrugUpper', facs: 'AU17-upper', region: 'lips', side: 'C' },
  { index: 75, name: 'mouthShrugLower', facs: 'AU17-lower', region: 'lips', side: 'C' },
  { index: 76, name: 'mouthRollOutUpper', facs: 'AU28-inverse', region: 'lips', side: 'C' },
  { index: 77, name: 'mouthRollOutLower', facs: 'AU28-inverse', region: 'lips', side: 'C' },
  { index: 78, name: 'mouthLeft', facs: 'AU-shift(ARKit mouthLeft)', region: 'mouth', side: 'C' },
  { index: 79, name: 'mouthRight', facs: 'AU-shift(ARKit mouthRight)', region: 'mouth', side: 'C' },
  { index: 80, name: 'mouthUp', facs: 'AU-shift', region: 'mouth', side: 'C' },
  { index: 81, name: 'mouthDown', facs: 'AU-shift', region: 'mouth', side: 'C' },
  { index: 82, name: 'chinRaise_L', facs: 'AU17', region: 'chin', side: 'L' },
  { index: 83, name: 'chinRaise_R', facs: 'AU17', region: 'chin', side: 'R' },
  { index: 84, name: 'jawOpen', facs: 'AU26', region: 'jaw', side: 'C' },
  { index: 85, name: 'jawOpenExtreme', facs: 'AU27', region: 'jaw', side: 'C' },
  { index: 86, name: 'jawLeft', facs: 'AD30', region: 'jaw', side: 'C' },
  { index: 87, name: 'jawRight', facs: 'AD30', region: 'jaw', side: 'C' },
  { index: 88, name: 'jawForward', facs: 'AD29', region: 'jaw', side: 'C' },
  { index: 89, name: 'jawBack', facs: 'AD29', region: 'jaw', side: 'C' },
  { index: 90, name: 'jawClench_L', facs: 'masseter', region: 'jaw', side: 'L' },
  { index: 91, name: 'jawClench_R', facs: 'masseter', region: 'jaw', side: 'R' },
  { index: 92, name: 'tongueOut', facs: 'AD19', region: 'tongue', side: 'C' },
  { index: 93, name: 'tongueUp', facs: 'tongue', region: 'tongue', side: 'C' },
  { index: 94, name: 'tongueDown', facs: 'tongue', region: 'tongue', side: 'C' },
  { index: 95, name: 'tongueLeft', facs: 'tongue', region: 'tongue', side: 'C' },
  { index: 96, name: 'tongueRight', facs: 'tongue', region: 'tongue', side: 'C' },
  { index: 97, name: 'neckStretch_L', facs: 'AU21(platysma)', region: 'neck', side: 'L' },
  { index: 98, name: 'neckStretch_R', facs: 'AU21(platysma)', region: 'neck', side: 'R' },
  { index: 99, name: 'neckMastoidContract_L', facs: 'neck', region: 'neck', side: 'L' },
  { index: 100, name: 'neckMastoidContract_R', facs: 'neck', region: 'neck', side: 'R' },
  { index: 101, name: 'neckSwallow', facs: 'neck', region: 'neck', side: 'C' },
];

export const DEFAULT_CONTROL_NAMES: readonly string[] = DEFAULT_CONTROLS.map((c) => c.name);

/** The L/R twin of a control (mirror paste, symmetry checks); the control itself when central. */
export function mirrorControlName(name: string): string {
  if (name.endsWith('_L')) return `${name.slice(0, -2)}_R`;
  if (name.endsWith('_R')) return `${name.slice(0, -2)}_L`;
  if (name === 'mouthLeft') return 'mouthRight';
  if (name === 'mouthRight') return 'mouthLeft';
  if (name === 'jawLeft') return 'jawRight';
  if (name === 'jawRight') return 'jawLeft';
  if (name === 'tongueLeft') return 'tongueRight';
  if (name === 'tongueRight') return 'tongueLeft';
  return name;
}
