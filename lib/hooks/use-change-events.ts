/**
 * The tab's one connection to /api/events. Each change invalidates the cached reads it affects;
 * the pages then refetch what they show. Bursts are batched (see change-batcher.ts).
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createChangeBatcher, parseChangeEvent, type ChangeSummary } from '@/lib/queries/change-batcher';
import { healthQuery, jobKeys } from '@/lib/queries';
import type { LiveStatus } from './live-status';

const FLUSH_WINDOW_MS = 100;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

function invalidate(queryClient: QueryClient, { jobIds, health }: ChangeSummary): void {
  if (jobIds.size > 0) {
    void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
    // A timeline read can be large: let one in flight finish rather than restart it per burst.
    void queryClient.invalidateQueries({ queryKey: jobKeys.timelines() }, { cancelRefetch: false });
    // Only mounted queries refetch; the rest are just marked stale.
    for (const id of jobIds) {
      void queryClient.invalidateQueries({ queryKey: jobKeys.detail(id), exact: true });
      void queryClient.invalidateQueries({ queryKey: jobKeys.containers(id) });
    }
  }
  if (health) void queryClient.invalidateQueries({ queryKey: healthQuery.queryKey });
}

export function useChangeEvents(): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    const batcher = createChangeBatcher((summary) => invalidate(queryClient, summary), FLUSH_WINDOW_MS);
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let retryMs = FIRST_RETRY_MS;

    const connect = () => {
      source = new EventSource('/api/events');
      source.onopen = () => {
        retryMs = FIRST_RETRY_MS;
        setStatus('live');
        // Changes made while the stream was down (or before it first opened) sent no event.
        void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: jobKeys.timelines() });
        void queryClient.invalidateQueries({ queryKey: jobKeys.details() });
        void queryClient.invalidateQueries({ queryKey: healthQuery.queryKey });
      };
      source.onmessage = (message: MessageEvent<string>) => {
        const event = parseChangeEvent(message.data);
        if (event) batcher.push(event);
      };
      source.onerror = () => {
        setStatus('reconnecting');
        // The browser retries a dropped stream by itself; it gives up only when the server
        // answered with an error, and then we retry with back-off.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retryTimer = setTimeout(connect, retryMs);
          retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        }
      };
    };

    connect();
    return () => {
      clearTimeout(retryTimer);
      source?.close();
      batcher.dispose();
    };
  }, [queryClient]);

  return status;
}
