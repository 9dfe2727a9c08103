import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app-header';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Flurry', template: '%s · Flurry' },
  description: 'Launch and watch asynchronous work on Snowflake.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen text-sm">
        <Providers>
          <AppHeader />
          <main className="mx-auto w-full max-w-[1600px] px-4 py-5 sm:px-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
