/**
 * Whether a bind address is reachable only from this machine. A host name other than
 * `localhost` may resolve to anything, so it counts as reachable from elsewhere.
 */
import net from 'node:net';

export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}
