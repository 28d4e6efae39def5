import { describe, expect, it } from 'vitest';
import { shotKeyAction, type KeyLike } from '../../../renderer/src/keyboard/keymap';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('solve and review keys', () => {
  it('maps C, R, I, O, M', () => {
    expect(shotKeyAction(key('c'))).toEqual({ type: 'cropOverlay' });
    expect(shotKeyAction(key('r'))).toEqual({ type: 'reviewMode' });
    expect(shotKeyAction(key('i'))).toEqual({ type: 'markIn' });
    expect(shotKeyAction(key('o'))).toEqual({ type: 'markOut' });
    expect(shotKeyAction(key('m'))).toEqual({ type: 'addNote' });
    expect(shotKeyAction(key('C'))).toEqual({ type: 'cropOverlay' }); // caps lock
  });

  it('N goes to the next note, Shift+N to the previous', () => {
    expect(shotKeyAction(key('n'))).toEqual({ type: 'jumpNote', dir: 1 });
    expect(shotKeyAction(key('N', { shiftKey: true }))).toEqual({ type: 'jumpNote', dir: -1 });
  });

  it('leaves Ctrl/Alt combinations and Shift+letters to others', () => {
    expect(shotKeyAction(key('c', { ctrlKey: true }))).toBeNull();
    expect(shotKeyAction(key('r', { altKey: true }))).toBeNull();
    expect(shotKeyAction(key('I', { shiftKey: true }))).toBeNull();
  });
});
