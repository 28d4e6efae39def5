import { describe, expect, it } from 'vitest';
import { PREVIEW_KEYS, previewKeyAction, shotKeyAction, type KeyLike } from '../../../renderer/src/keyboard/keymap';

const key = (k: string, code: string | undefined, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  code,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: true,
  ...mods,
});

describe('previewKeyAction', () => {
  it('maps Alt + W / N / O / 0 by physical key (macOS gives other characters with Alt)', () => {
    expect(previewKeyAction(key('∑', 'KeyW'))).toEqual({ type: 'previewToggle', what: 'wireframe' });
    expect(previewKeyAction(key('n', 'KeyN'))).toEqual({ type: 'previewToggle', what: 'normals' });
    expect(previewKeyAction(key('ø', 'KeyO'))).toEqual({ type: 'previewToggle', what: 'overlay' });
    expect(previewKeyAction(key('º', 'Digit0'))).toEqual({ type: 'previewReset' });
    expect(previewKeyAction(key('.', 'NumpadDecimal'))).toEqual({ type: 'previewReset' });
    expect(previewKeyAction(key('w', undefined))).toEqual({ type: 'previewToggle', what: 'wireframe' });
  });

  it('leaves bare keys to the shot view, and other modifiers alone', () => {
    expect(previewKeyAction(key('w', 'KeyW', { altKey: false }))).toBeNull();
    expect(previewKeyAction(key('w', 'KeyW', { ctrlKey: true }))).toBeNull();
    expect(previewKeyAction(key('N', 'KeyN', { shiftKey: true }))).toBeNull();
    expect(previewKeyAction(key('x', 'KeyX'))).toBeNull();
    // And the shot view ignores Alt chords, so the two never both fire.
    expect(shotKeyAction(key('0', 'Digit0'))).toBeNull();
  });

  it('lists its keys for the help overlay', () => {
    expect(PREVIEW_KEYS.map(([k]) => k)).toEqual(expect.arrayContaining(['Alt + O', 'Alt + W', 'Alt + N', 'Alt + 0']));
  });
});
