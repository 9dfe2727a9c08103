import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allowedHosts } from '@/lib/config/allowed-hosts';
import { wrongHost } from '@/lib/auth/errors';
import { hostNameOf } from '@/lib/domain/host-names';
import { hostRefusal } from './host-check';
import { errorResponse } from './responses';

const LOCAL = allowedHosts({}, '127.0.0.1');

describe('allowedHosts', () => {
  it('is the loopback names, HOST when it names one address, and FLURRY_ALLOWED_HOSTS', () => {
    expect(LOCAL).toEqual(['127.0.0.1', 'localhost', '[::1]']);
    expect(allowedHosts({ FLURRY_ALLOWED_HOSTS: ' Dash.Example.com, 10.0.0.5,,fe80::1 ' }, '0.0.0.0')).toEqual([
      '127.0.0.1',
      'localhost',
      '[::1]',
      'dash.example.com',
      '10.0.0.5',
      '[fe80::1]',
    ]);
    expect(allowedHosts({}, '192.168.1.20')).toContain('192.168.1.20');
    expect(allowedHosts({}, '::')).toEqual(LOCAL);
  });

  it('names an entry that is not a host name', () => {
    expect(() => allowedHosts({ FLURRY_ALLOWED_HOSTS: 'ok.example, https://dash.example/' }, '127.0.0.1')).toThrow(
      'FLURRY_ALLOWED_HOSTS has "https://dash.example/", which is not a host name or IP address; list names such as dashboard.example.com or 10.0.0.5, without scheme or port, separated by commas.',
    );
  });
});

describe('hostRefusal', () => {
  it('lets the loopback names through, with any port', () => {
    for (const host of ['127.0.0.1:3000', 'localhost:3000', 'LOCALHOST', '[::1]:3000', 'localhost:9000']) expect(hostRefusal(host, LOCAL), host).toBeNull();
    expect(hostNameOf('[::1]:3000')).toBe('[::1]');
  });

  it('refuses any other name, a malformed Host and none, saying what to do', () => {
    for (const host of ['evil.example:3000', 'localhost.evil.example', '127.0.0.2:3000', 'localhost:3000:1', '[::1', 'localhost:abc', '']) {
      expect(hostRefusal(host, LOCAL), host).toMatch(/^This dashboard does not answer to the Host ".*"; it answers to 127\.0\.0\.1, localhost, \[::1\]\. If this is how people reach it, add the name to FLURRY_ALLOWED_HOSTS\.$/);
    }
    expect(hostRefusal(null, LOCAL)).toMatch(/^This dashboard does not answer to no Host header;/);
    expect(hostRefusal('dash.example.com:443', allowedHosts({ FLURRY_ALLOWED_HOSTS: 'dash.example.com' }, '0.0.0.0'))).toBeNull();
  });

  it('answers a route 421 with the message', async () => {
    const response = errorResponse(wrongHost('This dashboard does not answer to the Host "evil.example".'));
    expect(response.status).toBe(421);
    expect(await response.json()).toEqual({ error: 'This dashboard does not answer to the Host "evil.example".', code: 'wrong_host' });
  });
});

describe('proxy', () => {
  beforeAll(() => {
    vi.stubEnv('HOST', '127.0.0.1');
    vi.stubEnv('FLURRY_AUTH_TOKEN', '');
    vi.stubEnv('FLURRY_ALLOWED_HOSTS', 'dash.example.com');
  });
  afterAll(() => vi.unstubAllEnvs());

  it('refuses a page or a server action POST for another Host with 421 before anything else, and serves the allowed ones', async () => {
    const { proxy } = await import('@/proxy');
    for (const method of ['GET', 'POST']) {
      const refused = proxy(new NextRequest('http://evil.example:3000/jobs', { method, headers: { host: 'evil.example:3000', 'content-length': '99999999' } }));
      expect(refused.status).toBe(421);
      expect(await refused.text()).toMatch(/^This dashboard does not answer to the Host "evil\.example:3000"; it answers to 127\.0\.0\.1, localhost, \[::1\], dash\.example\.com\./);
    }
    for (const host of ['127.0.0.1:3000', 'dash.example.com']) {
      const served = proxy(new NextRequest(`http://${host}/jobs`, { headers: { host } }));
      expect(served.status, host).toBe(200);
      expect(served.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });
});
