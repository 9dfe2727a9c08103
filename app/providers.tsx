'use client';
import { QueryClient, QueryClientProvider, isServer } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import type { ReactNode } from 'react';
import { LiveStatusContext } from '@/lib/hooks/live-status';
import { useChangeEvents } from '@/lib/hooks/use-change-events';
import { shouldRetry } from '@/lib/queries/fetch-json';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Change events invalidate what went stale; a short staleTime only stops duplicate
      // reads when several components mount the same query at once.
      queries: { staleTime: 1_000, retry: shouldRetry },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A fresh client per server render (no data shared between requests), one for the whole tab. */
function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

function ChangeEvents({ children }: { children: ReactNode }) {
  const status = useChangeEvents();
  return <LiveStatusContext.Provider value={status}>{children}</LiveStatusContext.Provider>;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <NuqsAdapter>
        <ChangeEvents>{children}</ChangeEvents>
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
