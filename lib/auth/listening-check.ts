import 'server-only';
/**
 * The dashboard's refusal to serve other machines without a token, checked against the
 * addresses the server really listens on. `HOST` is what the launcher passes, but `next start`
 * run by hand listens where its --hostname says, on every interface without one, and Next.js
 * hands that address to no one. It starts listening before it calls instrumentation's
 * register(), so the process's own listening servers are asked.
 */
import net from 'node:net';
import { assertLoopbackWithoutToken } from '@/lib/config/access-settings';
import type { AuthSettings } from '@/lib/config';

/** The IP addresses this process's servers listen on (Unix sockets are local and left out). */
export function listeningAddresses(): string[] {
  // Node's documented APIs name active resources only by type; this is how to reach the servers.
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.flatMap((handle) => {
    if (!(handle instanceof net.Server) || !handle.listening) return [];
    const address = handle.address();
    return address !== null && typeof address === 'object' ? [address.address] : [];
  });
}

/** Throws, naming FLURRY_AUTH_TOKEN, when a server listens beyond loopback and no token is set. */
export function assertListeningSafely(auth: AuthSettings, addresses: readonly string[] = listeningAddresses()): void {
  if (auth.token !== null) return;
  for (const address of addresses) assertLoopbackWithoutToken(address, 'the address the dashboard server listens on');
}
