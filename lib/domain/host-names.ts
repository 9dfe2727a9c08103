/**
 * Host names and addresses as a Host header or a bind setting gives them: which are names at
 * all, their canonical form, and which reach only this machine. Pure and runtime-neutral (no
 * node:net), because both processes check Host headers with it: the dashboard
 * (lib/http/host-check.ts) and the local warehouse (lib/local-warehouse/protocol/allowed-hosts.ts).
 * The address patterns are the ones Node's own net.isIPv4 / net.isIPv6 use, and the tests hold
 * them to Node's answers.
 */

const V4_PART = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const V4 = `(?:${V4_PART}\\.){3}${V4_PART}`;
const V6_PART = '(?:[0-9a-fA-F]{1,4})';
const IPV4 = new RegExp(`^${V4}$`);
const IPV6 = new RegExp(
  '^(?:' +
    `(?:${V6_PART}:){7}(?:${V6_PART}|:)|` +
    `(?:${V6_PART}:){6}(?:${V4}|:${V6_PART}|:)|` +
    `(?:${V6_PART}:){5}(?::${V4}|(?::${V6_PART}){1,2}|:)|` +
    `(?:${V6_PART}:){4}(?:(?::${V6_PART}){0,1}:${V4}|(?::${V6_PART}){1,3}|:)|` +
    `(?:${V6_PART}:){3}(?:(?::${V6_PART}){0,2}:${V4}|(?::${V6_PART}){1,4}|:)|` +
    `(?:${V6_PART}:){2}(?:(?::${V6_PART}){0,3}:${V4}|(?::${V6_PART}){1,5}|:)|` +
    `(?:${V6_PART}:){1}(?:(?::${V6_PART}){0,4}:${V4}|(?::${V6_PART}){1,6}|:)|` +
    `(?::(?:(?::${V6_PART}){0,5}:${V4}|(?::${V6_PART}){1,7}|:))` +
    ')(?:%[0-9a-zA-Z-.:]{1,})?$',
);

/** The names every machine calls itself by, as a Host header carries them. */
const LOOPBACK_HOST_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

export function isIPv6(text: string): boolean {
  return IPV6.test(text);
}

/** A DNS name: labels of letters, digits and inner hyphens (RFC 1123). */
const DNS_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** `name` as a Host header carries it (lowercase, IPv6 in brackets), or null if it is not a host name. */
export function canonicalHostName(name: string): string | null {
  const lower = name.trim().toLowerCase();
  const bare = lower.replace(/^\[(.*)\]$/, '$1');
  if (isIPv6(bare)) return `[${bare}]`;
  return isIPv4(lower) || DNS_NAME.test(lower) ? lower : null;
}

/** A Host header's name without its port (`[::1]:3000` → `[::1]`), canonical; null if it is not one. */
export function hostNameOf(header: string): string | null {
  const match = /^(\[[^\]]*\]|[^:]*)(?::\d{1,5})?$/.exec(header.trim());
  return match ? canonicalHostName(match[1]) : null;
}

/**
 * Whether a bind address is reachable only from this machine. A host name other than
 * `localhost` may resolve to anything, so it counts as reachable from elsewhere.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  if (isIPv4(bare)) return bare.startsWith('127.');
  if (isIPv6(bare)) return bare === '::1' || /^::ffff:127\./.test(bare);
  return false;
}

/** HOST=0.0.0.0 or :: means every interface, which is no name anyone reaches a server by. */
export function isEveryInterface(host: string): boolean {
  return ['0.0.0.0', '::', '[::]'].includes(host.trim());
}

/** The names a server bound to `host` answers to by itself: the loopback names and `host`, when it names one address. */
export function ownHostNames(host: string): string[] {
  const names = new Set<string>(LOOPBACK_HOST_NAMES);
  const configured = isEveryInterface(host) ? null : canonicalHostName(host);
  if (configured !== null) names.add(configured);
  return [...names];
}
