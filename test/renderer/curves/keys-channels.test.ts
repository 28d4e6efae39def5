import { describe, expect, it } from 'vitest';
import type { KeyLike } from '../../../renderer/src/keyboard/keymap';
import { shotKeyAction } from '../../../renderer/src/keyboard/keymap';
import { channelsFor, drawnChannels, groupChannels, regionChannels } from '../../../renderer/src/curves/channels';
import { defaultColors, hslToHex } from '../../../renderer/src/curves/colors';
import { curveKeyAction } from '../../../renderer/src/curves/curve-keys';
import { DEFAULT_CONTROL_NAMES } from '../../../electron/common/controls';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('curve editor keys', () => {
  it('maps the editing keys', () => {
    expect(curveKeyAction(key('s'))).toEqual({ type: 'setKey' });
    expect(curveKeyAction(key('S', { shiftKey: true }))).toBeNull();
    expect(curveKeyAction(key('Delete'))).toEqual({ type: 'deleteKeys' });
    expect(curveKeyAction(key('Backspace'))).toEqual({ type: 'deleteKeys' });
    expect(curveKeyAction(key('f'))).toEqual({ type: 'frameSelection' });
    expect(curveKeyAction(key('a'))).toEqual({ type: 'frameAll' });
    expect(curveKeyAction(key('b'))).toEqual({ type: 'toggleAB' });
    expect(curveKeyAction(key('Escape'))).toEqual({ type: 'cancel' });
  });

  it('maps clipboard and history chords (Ctrl or Cmd)', () => {
    expect(curveKeyAction(key('c', { ctrlKey: true }))).toEqual({ type: 'copy' });
    expect(curveKeyAction(key('v', { ctrlKey: true }))).toEqual({ type: 'paste', mirror: false });
    expect(curveKeyAction(key('V', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'paste', mirror: true });
    expect(curveKeyAction(key('z', { metaKey: true }))).toEqual({ type: 'undo' });
    expect(curveKeyAction(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'redo' });
    expect(curveKeyAction(key('y', { ctrlKey: true }))).toEqual({ type: 'redo' });
  });

  it('selects every key with Ctrl+A and nudges with Up/Down (values) and Alt+Left/Right (frames), Shift ten times as far', () => {
    expect(curveKeyAction(key('a', { ctrlKey: true }))).toEqual({ type: 'selectAllKeys' });
    expect(curveKeyAction(key('ArrowUp'))).toEqual({ type: 'nudge', dFrame: 0, dValue: 0.01 });
    expect(curveKeyAction(key('ArrowDown', { shiftKey: true }))).toEqual({ type: 'nudge', dFrame: 0, dValue: -0.1 });
    expect(curveKeyAction(key('ArrowRight', { altKey: true }))).toEqual({ type: 'nudge', dFrame: 1, dValue: 0 });
    expect(curveKeyAction(key('ArrowLeft', { altKey: true, shiftKey: true }))).toEqual({ type: 'nudge', dFrame: -10, dValue: 0 });
    expect(curveKeyAction(key('ArrowLeft', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(curveKeyAction(key('ArrowUp', { ctrlKey: true }))).toBeNull();
  });

  it('puts interpolation on Alt+1/2/3, matched on the physical key too', () => {
    expect(curveKeyAction(key('1', { altKey: true }))).toEqual({ type: 'interp', interp: 'smooth' });
    expect(curveKeyAction({ ...key('™', { altKey: true }), code: 'Digit2' })).toEqual({ type: 'interp', interp: 'linear' });
    expect(curveKeyAction(key('3', { altKey: true }))).toEqual({ type: 'interp', interp: 'step' });
    expect(curveKeyAction({ ...key('w', { altKey: true }), code: 'KeyW' })).toBeNull(); // the head preview's
  });

  it('leaves the transport and plate keys to the shot view', () => {
    for (const k of [' ', 'ArrowLeft', 'ArrowRight', 'Home', 'End', '1', '2', '3', '?']) {
      expect(curveKeyAction(key(k))).toBeNull();
      expect(shotKeyAction(key(k))).not.toBeNull();
    }
    // And the shot view does not claim the editor's letters.
    for (const k of ['s', 'f', 'a', 'b', 'Delete']) expect(shotKeyAction(key(k))).toBeNull();
  });
});

describe('channels', () => {
  const channels = channelsFor([...DEFAULT_CONTROL_NAMES].reverse().concat(['customBlink']));

  it('are in rig order with unknown controls last, under "other"', () => {
    expect(channels.map((c) => c.name).slice(0, 2)).toEqual(['browInnerUp_L', 'browInnerUp_R']);
    expect(channels.at(-1)).toMatchObject({ name: 'customBlink', region: 'other', index: 102 });
    expect(channels.every((c, i) => c.index === i)).toBe(true);
  });

  it('group by region and filter by search (name, FACS code, region)', () => {
    const all = groupChannels(channels, '');
    expect(all.map((g) => g.region)).toEqual([
      'brow',
      'eyelid',
      'gaze',
      'nose',
      'cheek',
      'mouthCorner',
      'lips',
      'mouth',
      'chin',
      'jaw',
      'tongue',
      'neck',
      'other',
    ]);
    const pull = groupChannels(channels, 'CornerPull');
    expect(pull.flatMap((g) => g.channels.map((c) => c.name))).toEqual([
      'mouthCornerPull_L',
      'mouthCornerPull_R',
      'mouthSharpCornerPull_L',
      'mouthSharpCornerPull_R',
    ]);
    expect(groupChannels(channels, 'au12').flatMap((g) => g.channels.map((c) => c.name))).toEqual(['mouthCornerPull_L', 'mouthCornerPull_R']);
    expect(groupChannels(channels, 'mouth corner')[0]!.channels).toHaveLength(regionChannels(channels, 'mouthCorner').length);
  });

  it('draw the selected, minus hidden, unless some are soloed', () => {
    const names = (cs: { name: string }[]) => cs.map((c) => c.name);
    const sel = new Set(['jawOpen', 'mouthCornerPull_L', 'browDown_L']);
    expect(names(drawnChannels(channels, sel, new Set(['jawOpen']), new Set()))).toEqual(['browDown_L', 'mouthCornerPull_L']);
    expect(names(drawnChannels(channels, sel, new Set(), new Set(['eyeBlink_L'])))).toEqual(['eyeBlink_L']);
  });

  it('get distinct default colours; twins share a hue', () => {
    const colors = defaultColors(channels);
    const corner = regionChannels(channels, 'mouthCorner').map((n) => colors[n]);
    expect(new Set(corner).size).toBe(corner.length);
    expect(hslToHex(0, 100, 50)).toBe('#ff0000');
    expect(hslToHex(120, 100, 25)).toBe('#008000');
  });
});
