/**
 * The host names the dashboard answers to (lib/http/host-check.ts checks each request's Host
 * against them): the loopback names, HOST when it names one address, and FLURRY_ALLOWED_HOSTS,
 * the names or addresses other machines reach it by, comma-separated.
 */
import { canonicalHostName, ownHostNames } from '@/lib/domain/host-names';

type Env = Record<string, string | undefined>;

export function allowedHosts(env: Env, host: string): string[] {
  const names = new Set(ownHostNames(host));
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
