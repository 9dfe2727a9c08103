import { describe, expect, it, vi } from 'vitest';
import { signInRequired, tooManyAttempts } from '@/lib/auth/errors';
import { JobNotFoundError } from '@/lib/errors/request-errors';
import { errorResponse } from './responses';

describe('errorResponse', () => {
  it('answers JSON with the message and its stable code, never cached', async () => {
    const response = errorResponse(new JobNotFoundError('j-1'));
    expect(response.status).toBe(404);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: 'No job has the id "j-1".', code: 'not_found' });
  });

  it('sends the headers a refusal calls for', () => {
    expect(errorResponse(signInRequired()).headers.get('WWW-Authenticate')).toBe('Bearer realm="flurry"');
    const limited = errorResponse(tooManyAttempts(9_200, '10.0.0.5'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('10');
  });

  it('answers an unexpected error 500 without its details', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = errorResponse(new Error('secret internals'));
    logged.mockRestore();
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'The dashboard server failed to answer; its log says why.', code: 'internal' });
  });
});
