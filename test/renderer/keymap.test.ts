import { describe, expect, it } from 'vitest';
import { shotKeyAction, type KeyLike } from '../../renderer/src/keyboard/keymap';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('shotKeyAction', () => {
  it('maps transport keys', () => {
    expect(shotKeyAction(key(' '))).toEqual({ type: 'togglePlay' });
    expect(shotKeyAction(key('ArrowRight'))).toEqual({ type: 'step', delta: 1 });
    expect(shotKeyAction(key('ArrowLeft'))).toEqual({ type: 'step', delta: -1 });
    expect(shotKeyAction(key('ArrowRight', { shiftKey: true }))).toEqual({ type: 'step', delta: 10 });
    expect(shotKeyAction(key('ArrowLeft', { shiftKey: true }))).toEqual({ type: 'step', delta: -10 });
    expect(shotKeyAction(key('Home'))).toEqual({ type: 'first' });
    expect(shotKeyAction(key('End'))).toEqual({ type: 'last' });
  });

  it('maps plate modes and navigation', () => {
    expect(shotKeyAction(key('1'))).toEqual({ type: 'mode', mode: 'rgb' });
    expect(shotKeyAction(key('2'))).toEqual({ type: 'mode', mode: 'normal' });
    expect(shotKeyAction(key('3'))).toEqual({ type: 'mode', mode: 'side' });
    expect(shotKeyAction(key('Escape'))).toEqual({ type: 'back' });
  });

  it('leaves modified and unknown keys alone', () => {
    expect(shotKeyAction(key('ArrowRight', { ctrlKey: true }))).toBeNull();
    expect(shotKeyAction(key('1', { metaKey: true }))).toBeNull();
    expect(shotKeyAction(key('x'))).toBeNull();
  });
});
