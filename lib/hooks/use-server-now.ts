/**
 * "Now" on the server's clock: bars of unfinished jobs end here and the now-line sits here.
 * Job times come from the server (and the warehouse), so a browser clock that runs a few
 * seconds off would otherwise draw bars that end in the future or stop short.
 */
import { useMemo } from 'react';
import { useNow } from './use-now';

/** Live bars grow smoothly at this rate. */
const LIVE_TICK_MS = 250;

export function useServerNow(serverNow: number | undefined, ticking: boolean): number {
  const local = useNow(ticking, LIVE_TICK_MS);
  // Measured once per answer from the server; the request's latency is within the error.
  const skew = useMemo(() => (serverNow === undefined ? 0 : serverNow - Date.now()), [serverNow]);
  if (!ticking && serverNow !== undefined) return serverNow;
  return local + skew;
}
