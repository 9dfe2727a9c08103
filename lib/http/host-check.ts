/**
 * The dashboard answers only requests whose Host header names it. A web page on another site can
 * point a name it controls at 127.0.0.1 (DNS rebinding) and then read the dashboard as if it were
 * its own origin; the browser still sends that name as Host, so it is refused here. The port is
 * not compared: it does not stop rebinding (the page picks its port), and an SSH tunnel
 * (`ssh -L 9000:localhost:3000`) rightly arrives as localhost:9000.
 */
import { hostNameOf } from '@/lib/domain/host-names';

/** Null when `header` names one of `allowed`, else why the request is refused. */
export function hostRefusal(header: string | null, allowed: readonly string[]): string | null {
  const name = header === null ? null : hostNameOf(header);
  if (name !== null && allowed.includes(name)) return null;
  const given = header === null ? 'no Host header' : `the Host "${header.slice(0, 100)}"`;
  return (
    `This dashboard does not answer to ${given}; it answers to ${allowed.join(', ')}. ` +
    'If this is how people reach it, add the name to FLURRY_ALLOWED_HOSTS.'
  );
}
