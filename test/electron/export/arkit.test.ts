// ARKit CSV in Live Link Face's layout, parsed back by an independent reader.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';
import { liveLinkTimecode, toArkitCsv } from '../../../electron/export/arkit-csv';

function table() {
  const values = DEFAULT_CONTROL_NAMES.map((_, c) => Float32Array.from({ length: 48 }, (_, i) => (Math.sin(i / 7 + c) + 1) / 2));
  return { shotName: 's', fps: 24, firstFrame: 0, controls: DEFAULT_CONTROL_NAMES, values };
}

describe('ARKit CSV', () => {
  it('has the Live Link Face header and 61 values a row', () => {
    const { text } = toArkitCsv(table());
    const [head, first] = text.split('\n');
    const cols = head!.split(',');
    expect(cols.slice(0, 4)).toEqual(['Timecode', 'BlendShapeCount', 'EyeBlinkLeft', 'EyeLookDownLeft']);
    expect(cols.slice(-9)).toEqual([
      'HeadYaw',
      'HeadPitch',
      'HeadRoll',
      'LeftEyeYaw',
      'LeftEyePitch',
      'LeftEyeRoll',
      'RightEyeYaw',
      'RightEyePitch',
      'RightEyeRoll',
    ]);
    expect(cols).toHaveLength(2 + 61);
    expect(first!.split(',')[1]).toBe('61');
  });

  it('recovers the controls: one-to-one shapes exactly, shared shapes as the mean of their controls', () => {
    const t = table();
    const rows = toArkitCsv(t)
      .text.trim()
      .split('\n')
      .map((l) => l.split(','));
    const head = rows[0]!;
    const col = (name: string) => head.indexOf(name);
    const at = (name: string) => DEFAULT_CONTROL_NAMES.indexOf(name);
    for (let i = 1; i < rows.length; i++) {
      const f = i - 1;
      expect(Number(rows[i]![col('JawOpen')])).toBeCloseTo(t.values[at('jawOpen')]![f]!, 5);
      expect(Number(rows[i]![col('EyeBlinkLeft')])).toBeCloseTo(t.values[at('eyeBlink_L')]![f]!, 5);
      expect(Number(rows[i]![col('MouthSmileRight')])).toBeCloseTo(t.values[at('mouthCornerPull_R')]![f]!, 5);
      expect(Number(rows[i]![col('BrowInnerUp')])).toBeCloseTo((t.values[at('browInnerUp_L')]![f]! + t.values[at('browInnerUp_R')]![f]!) / 2, 5);
    }
  });

  it('writes timecodes as HH:MM:SS:FF.mmm', () => {
    expect(liveLinkTimecode(0, 24)).toBe('00:00:00:00.000');
    expect(liveLinkTimecode(25, 24)).toBe('00:00:01:01.042');
    expect(liveLinkTimecode(24 * 3661, 24)).toBe('01:01:01:00.000');
  });
});
