import 'server-only';
/** What a server action knows of the request it serves, beyond the caller. */
import { headers } from 'next/headers';
import { config } from '@/lib/config';
import { hostRefusal } from '@/lib/http/host-check';
import { wrongHost } from './errors';
import { clientAddress } from './request-caller';

/** Throws AccessError when the request's Host is not one this dashboard answers to; currentCaller asks it first. */
export async function assertAllowedHost(): Promise<void> {
  const refusal = hostRefusal((await headers()).get('host'), config().dashboard.allowedHosts);
  if (refusal !== null) throw wrongHost(refusal);
}

export async function requestAddress(): Promise<string | null> {
  return clientAddress((await headers()).get('x-forwarded-for'));
}

/** Next.js sets X-Forwarded-Proto from the socket when no proxy in front did. */
export async function cameOverHttps(): Promise<boolean> {
  return (await headers()).get('x-forwarded-proto') === 'https';
}
