import { describe, expect, it } from 'vitest';
import { callAction } from './call-action';

describe('callAction', () => {
  it('passes on what the action answered, refusals included', async () => {
    await expect(callAction(async () => ({ ok: true as const, data: 3 }))).resolves.toEqual({ ok: true, data: 3 });
    await expect(callAction(async () => ({ ok: false as const, error: 'No.' }))).resolves.toEqual({ ok: false, error: 'No.' });
  });

  it('turns a call that never got an answer into a refusal saying so', async () => {
    await expect(callAction(() => Promise.reject(new TypeError('Failed to fetch')))).resolves.toEqual({
      ok: false,
      error: 'The dashboard server did not answer: Failed to fetch',
    });
    await expect(callAction(() => Promise.reject('offline'))).resolves.toMatchObject({ error: 'The dashboard server did not answer: offline' });
  });
});
