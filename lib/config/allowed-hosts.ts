/**
 * The host names the dashboard answers to (lib/http/host-check.ts checks each request's Host
 * against them): the loopback names, HOST when it names one address, and FLURRY_ALLOWED_HOSTS,
 * the names or addresses other machines reach it by, comma-separated.
 */
import net from 'node:net';

type Env = Record<string, string | undefined>;

export const LOOPBACK_HOST_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

/** A DNS name: labels of letters, digits and inner hyphens (RFC 1123). */
const DNS_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** `name` as a Host header carries it (lowercase, IPv6 in brackets), or null if it is not a host name. */
export function canonicalHostName(name: string): string | null {
  const lower = name.trim().toLowerCase();
  const bare = lower.replace(/^\[(.*)\]$/, '$1');
  if (net.isIPv6(bare)) return `[${bare}]`;
  return net.isIPv4(lower) || DNS_NAME.test(lower) ? lower : null;
}

/** HOST=0.0.0.0 or :: means every interface, which is no name anyone reaches the dashboard by. */
function isEveryInterface(host: string): boolean {
  return ['0.0.0.0', '::', '[::]'].includes(host.trim());
}

export function allowedHosts(env: Env, host: string): string[] {
  const names = new Set<string>(LOOPBACK_HOST_NAMES);
  const configured = isEveryInterface(host) ? null : canonicalHostName(host);
  if (configured !== null) names.add(configured);
  for (const entry of (env.FLURRY_ALLOWED_HOSTS ?? '').split(',')) {
    if (entry.trim() === '') continue;
    const name = canonicalHostName(entry);
    if (name === null) {
      throw new Error(
        `FLURRY_ALLOWED_HOSTS has "${entry.trim().slice(0, 100)}", which is not a host name or IP address; list names such as dashboard.example.com or 10.0.0.5, without scheme or port, separated by commas.`,
      );
    }
    names.add(name);
  }
  return [...names];
}
