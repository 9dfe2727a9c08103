import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AccessProvider } from '@/components/access';
import { AppHeader } from '@/components/app-header';
import type { Caller } from '@/lib/domain/access';
import { currentCaller } from '@/lib/auth/caller';
import { isAccessError } from '@/lib/auth/errors';
import { config } from '@/lib/config';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Flurry', template: '%s · Flurry' },
  description: 'Launch and watch asynchronous work on Snowflake.',
};

/** Other errors go on: reading the request is also how Next.js learns the page is dynamic. */
async function viewer(): Promise<Caller | null> {
  try {
    return await currentCaller();
  } catch (error) {
    if (isAccessError(error)) return null;
    throw error;
  }
}

/**
 * Reads the caller on every request (which also makes every page dynamic, as the per-request
 * CSP nonce needs). Without one, only the sign-in page gets here (proxy.ts): it gets no header,
 * live updates or data reads, which would all be refused.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const caller = await viewer();
  const tokenAsked = config().dashboard.auth.token !== null;
  const main = <main className="mx-auto w-full max-w-[1600px] px-4 py-5 sm:px-6">{children}</main>;
  return (
    <html lang="en">
      <body className="min-h-screen text-sm">
        {caller ? (
          <Providers>
            <AccessProvider access={caller.access}>
              <AppHeader signedIn={tokenAsked ? { name: caller.name, access: caller.access } : null} />
              {main}
            </AccessProvider>
          </Providers>
        ) : (
          main
        )}
      </body>
    </html>
  );
}
