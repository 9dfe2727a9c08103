import { describe, expect, it } from 'vitest';
import { oversizedActionBody, SERVER_ACTION_BODY_LIMIT_BYTES } from './body-limits';
import { contentSecurityPolicy, newNonce } from './content-security-policy';

describe('contentSecurityPolicy', () => {
  it('lets scripts run only from this origin with the request\u2019s nonce, and nothing frame the pages', () => {
    const policy = contentSecurityPolicy('abc123==', false);
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc123==' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(contentSecurityPolicy('abc123==', true)).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic' 'unsafe-eval';");
  });

  it('gets a fresh nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('oversizedActionBody', () => {
  it('says how large a too-large server action request is, and lets the rest through', () => {
    expect(oversizedActionBody(String(SERVER_ACTION_BODY_LIMIT_BYTES))).toBeNull();
    expect(oversizedActionBody(null)).toBeNull();
    expect(oversizedActionBody('lots')).toBeNull();
    expect(oversizedActionBody(String(SERVER_ACTION_BODY_LIMIT_BYTES + 1))).toBe(
      'The request body is 2,097,153 bytes; a server action takes at most 2,097,152 bytes (2 MB).',
    );
  });
});
