import 'server-only';
/** What a server action knows of the request it serves, beyond the caller. */
import { headers } from 'next/headers';
import { clientAddress } from './request-caller';

export async function requestAddress(): Promise<string | null> {
  return clientAddress((await headers()).get('x-forwarded-for'));
}

/** Next.js sets X-Forwarded-Proto from the socket when no proxy in front did. */
export async function cameOverHttps(): Promise<boolean> {
  return (await headers()).get('x-forwarded-proto') === 'https';
}
