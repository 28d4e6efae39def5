import { describe, expect, it } from 'vitest';
import { answerPrompt, ensureUserName, useUser, validateUserName } from '../../../renderer/src/review/user-store';

describe('user name', () => {
  it('validates as the API does', () => {
    expect(validateUserName('  Ana   Ruiz ')).toEqual({ ok: true, name: 'Ana Ruiz' });
    expect(validateUserName('   ').ok).toBe(false);
    expect(validateUserName('x'.repeat(81)).ok).toBe(false);
  });

  it('asks once when no name is set, then answers at once', async () => {
    useUser.setState({ name: '', prompt: null });
    const asked = ensureUserName();
    expect(useUser.getState().prompt).not.toBeNull();
    answerPrompt('Ana');
    await expect(asked).resolves.toBe('Ana');
    await expect(ensureUserName()).resolves.toBe('Ana');
  });

  it('resolves null when the prompt is dismissed', async () => {
    useUser.setState({ name: '', prompt: null });
    const asked = ensureUserName();
    answerPrompt(null);
    await expect(asked).resolves.toBeNull();
  });
});
