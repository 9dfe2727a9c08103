/**
 * The warehouse answers only requests whose Host header names it: the loopback names, the host
 * it was configured to listen on, or the address the client actually connected to. Anything else
 * is refused before a route runs: a web page that points a name it controls at 127.0.0.1 (DNS
 * rebinding) sends that name, and result chunk urls, which carry the result's key to whatever
 * host they name, are built from the Host header. As for the dashboard (lib/http/host-check.ts),
 * the port is not compared: it does not stop rebinding, and an SSH tunnel rightly arrives as
 * localhost:<its own port>, which is where the chunk urls must then point.
 */
import type { IncomingMessage } from 'node:http';
import { canonicalHostName, hostNameOf, ownHostNames } from '@/lib/domain/host-names';
import { ProtocolError } from './errors';

/** local: the request named a host this warehouse does not serve (HTTP 421 Misdirected Request). */
export const MISDIRECTED = '000421';

/** The connected address as a Host header names it: IPv4-mapped IPv6 as IPv4. */
function reachedName(localAddress: string | undefined): string | null {
  return localAddress ? canonicalHostName(localAddress.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')) : null;
}

/** Whether `host` (a Host header) names this warehouse, configured to listen on `configuredHost`. */
export function isAllowedHost(host: string, configuredHost: string, localAddress: string | undefined): boolean {
  const name = hostNameOf(host);
  return name !== null && (ownHostNames(configuredHost).includes(name) || name === reachedName(localAddress));
}

/**
 * Throws 421 naming the host when the request's Host header names another; a request without
 * one (HTTP/1.0) is served, its chunk urls then use the address it connected to.
 */
export function requireAllowedHost(request: IncomingMessage, configuredHost: string): void {
  const { host } = request.headers;
  if (host === undefined || isAllowedHost(host, configuredHost, request.socket.localAddress)) return;
  throw new ProtocolError(
    MISDIRECTED,
    `This local warehouse does not answer to the Host ${JSON.stringify(host.slice(0, 100))}; ` +
      `it answers to ${ownHostNames(configuredHost).join(', ')} and the address it was reached at.`,
    { httpStatus: 421 },
  );
}
