import { describe, expect, it } from 'vitest';
import { compileNamePattern, normaliseSlateValue, slateFromName, slateFromNames, type NamePattern } from '../../../electron/common/slate/slate';
import { frameTimecode, parseTimecode } from '../../../electron/common/timecode';

const compiled = (p: string): NamePattern => {
  const c = compileNamePattern(p);
  if ('problem' in c) throw new Error(c.problem);
  return c;
};

describe('timecode', () => {
  it('reads the usual spellings and refuses what is not one', () => {
    expect(parseTimecode('01:02:03:04')).toEqual({ hours: 1, minutes: 2, seconds: 3, frames: 4 });
    expect(parseTimecode('01-02-03-04')).toEqual({ hours: 1, minutes: 2, seconds: 3, frames: 4 });
    expect(parseTimecode('01020304')).toEqual({ hours: 1, minutes: 2, seconds: 3, frames: 4 });
    expect(parseTimecode('25:00:00:00')).toBeNull();
    expect(parseTimecode('01:00:00:30', 24)).toBeNull();
    expect(parseTimecode('soon')).toBeNull();
  });

  it('counts a frame from the shot start timecode', () => {
    expect(frameTimecode(1001, 1001, 24, '01:00:00:00')).toBe('01:00:00:00');
    expect(frameTimecode(1025, 1001, 24, '01:00:00:00')).toBe('01:00:01:00');
    expect(frameTimecode(13, 1, 24, null)).toBe('00:00:00:12');
    expect(frameTimecode(2, 1, 30, '23:59:59:29')).toBe('00:00:00:00');
  });
});

describe('slate', () => {
  it('normalises a timecode, clears an empty value and says what is wrong', () => {
    expect(normaliseSlateValue('startTimecode', '01-00-00-05')).toEqual({ value: '01:00:00:05' });
    expect(normaliseSlateValue('actor', '  ')).toEqual({ value: null });
    expect(normaliseSlateValue('startTimecode', 'noon')).toEqual({ problem: expect.stringContaining('not a timecode') });
  });

  it('fills the fields a file name pattern names', () => {
    const p = compiled('sc{scene}_tk{take}_{actor}_{timecode}');
    expect(slateFromName(p, 'SC010_tk3_anna_01-00-10-00')).toEqual({ scene: '010', captureTake: '3', actor: 'anna', startTimecode: '01:00:10:00' });
    expect(slateFromName(p, 'sh010')).toBeNull();
    expect(slateFromName(compiled('{*}_{actor}'), 'sc01_ben')).toEqual({ actor: 'ben' });
  });

  it('tries the names in turn, without extensions', () => {
    const p = compiled('{scene}_{take}');
    expect(slateFromNames(p, ['shot one', 'sc05_t2.mov'])).toEqual({ scene: 'sc05', captureTake: 't2' });
  });

  it('refuses an unknown or repeated field, and a pattern with none', () => {
    expect(compileNamePattern('{shot}_{take}')).toEqual({ problem: expect.stringContaining('unknown field {shot}') });
    expect(compileNamePattern('{take}_{take}')).toEqual({ problem: expect.stringContaining('twice') });
    expect(compileNamePattern('plain')).toEqual({ problem: expect.stringContaining('names no field') });
  });
});
