import net from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHostName, hostNameOf, isIPv4, isIPv6, isLoopbackHost } from './host-names';

/** Strings built from the characters addresses are made of, so most are near misses. */
const addressLike = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.%[]-xg'.split('')), maxLength: 45 });

describe('isIPv4 and isIPv6', () => {
  it('agree with node:net on generated addresses and near misses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6(), fc.ipV4Extended(), addressLike), (text) => {
        expect(isIPv4(text), text).toBe(net.isIPv4(text));
        expect(isIPv6(text), text).toBe(net.isIPv6(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agree with node:net on the edge cases', () => {
    const cases = ['1.2.3.4', '01.2.3.4', '256.1.1.1', '1.2.3', '::', '::1', '1::', 'fe80::1%eth0', '::ffff:127.0.0.1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', ':::', '1::2::3', 'g::1', ''];
    for (const text of cases) {
      expect(isIPv4(text), text).toBe(net.isIPv4(text));
      expect(isIPv6(text), text).toBe(net.isIPv6(text));
    }
  });
});

describe('canonicalHostName and hostNameOf', () => {
  it('lower-cases names, brackets IPv6, and refuses what is not a host name', () => {
    expect(canonicalHostName(' Dashboard.Example.COM ')).toBe('dashboard.example.com');
    expect(canonicalHostName('::1')).toBe('[::1]');
    expect(canonicalHostName('[FE80::1]')).toBe('[fe80::1]');
    expect(canonicalHostName('10.0.0.5')).toBe('10.0.0.5');
    for (const bad of ['http://x', 'a b', '-x.com', 'x..com', '']) expect(canonicalHostName(bad), bad).toBeNull();
  });

  it('drops the port of a Host header', () => {
    expect(hostNameOf('[::1]:3000')).toBe('[::1]');
    expect(hostNameOf('LOCALHOST:9000')).toBe('localhost');
    expect(hostNameOf('evil.example:80:80')).toBeNull();
  });
});

describe('isLoopbackHost', () => {
  it('is true only for addresses that reach this machine alone', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'flurry.example', '::ffff:10.0.0.1', '128.0.0.1']) expect(isLoopbackHost(host), host).toBe(false);
  });
});
