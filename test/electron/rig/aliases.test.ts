// The ARKit alias table: all 52 blendshapes, each onto existing controls, both directions.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROLS } from '../../../electron/common/controls';
import { ARKIT_BLENDSHAPES, ARKIT_TO_CONTROLS, CONTROL_TO_ARKIT, arkitNameOf } from '../../../electron/rig/arkit-aliases';
import { mapTargetNames, stripNamespace } from '../../../electron/rig/mapping';

const NAMES = DEFAULT_CONTROLS.map((c) => c.name);

describe('ARKit aliases', () => {
  it('cover the 52 ARKit blendshapes, each mapping onto controls of the default set', () => {
    expect(new Set(ARKIT_BLENDSHAPES).size).toBe(52);
    for (const a of ARKIT_BLENDSHAPES) {
      expect(ARKIT_TO_CONTROLS[a].length, a).toBeGreaterThan(0);
      for (const c of ARKIT_TO_CONTROLS[a]) expect(NAMES, `${a} → ${c}`).toContain(c);
    }
    // Each control is carried by at most one ARKit shape, and the reverse table agrees.
    const all = ARKIT_BLENDSHAPES.flatMap((a) => ARKIT_TO_CONTROLS[a]);
    expect(new Set(all).size).toBe(all.length);
    for (const a of ARKIT_BLENDSHAPES) for (const c of ARKIT_TO_CONTROLS[a]) expect(CONTROL_TO_ARKIT[c]).toBe(a);
  });

  it('has the mappings an animator expects', () => {
    expect(ARKIT_TO_CONTROLS.jawOpen).toEqual(['jawOpen']);
    expect(ARKIT_TO_CONTROLS.eyeBlinkLeft).toEqual(['eyeBlink_L']);
    expect(ARKIT_TO_CONTROLS.mouthSmileLeft).toEqual(['mouthCornerPull_L']);
    expect(ARKIT_TO_CONTROLS.mouthClose).toEqual(['mouthLipsTogether_L', 'mouthLipsTogether_R']);
    expect(ARKIT_TO_CONTROLS.browInnerUp).toEqual(['browInnerUp_L', 'browInnerUp_R']);
    expect(ARKIT_TO_CONTROLS.cheekSquintLeft).toEqual(['cheekRaise_L']);
    expect(ARKIT_TO_CONTROLS.eyeLookInLeft).toEqual(['eyeLookIn_L']);
    expect(ARKIT_TO_CONTROLS.noseSneerRight).toEqual(['noseWrinkle_R']);
    expect(ARKIT_TO_CONTROLS.mouthFrownLeft).toEqual(['mouthCornerDepress_L']);
    expect(ARKIT_TO_CONTROLS.tongueOut).toEqual(['tongueOut']);
  });

  it('reads the usual spellings of sided names', () => {
    for (const s of ['eyeBlinkLeft', 'eyeBlink_L', 'EyeBlinkLeft', 'eyeBlinkL', 'eye_blink_left', 'EYEBLINK_L']) expect(arkitNameOf(s), s).toBe('eyeBlinkLeft');
    expect(arkitNameOf('mouthSmile_R')).toBe('mouthSmileRight');
    expect(arkitNameOf('jawOpenWide')).toBeNull();
    expect(stripNamespace('blendShape1.mouthClose')).toBe('mouthClose');
    expect(stripNamespace('Head:Face|jawOpen')).toBe('jawOpen');
  });

  it('maps the full ARKit set onto 61 controls', () => {
    const { report } = mapTargetNames([...ARKIT_BLENDSHAPES], NAMES);
    expect(report.unmapped).toEqual([]);
    // Names that equal a control (jawOpen, mouthLeft…) match exactly; the others go through the table.
    expect(report.matched.length + report.aliased.length).toBe(52);
    expect(NAMES.length - report.missingControls.length).toBe(61);
  });
});
