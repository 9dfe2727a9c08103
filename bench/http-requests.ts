/**
 * Counts this process's outgoing HTTP requests by the Snowflake REST call they make, from
 * node:diagnostics_channel (snowflake-sdk's axios goes through node:http), so a bench can say
 * what a piece of work costs in round trips and in statements without touching the driver.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

export const REQUEST_KINDS = ['statement', 'monitoring', 'result', 'abort', 'session', 'other'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export type RequestCounts = Record<RequestKind, number>;

/** Which REST call a request path is, among the endpoints snowflake-sdk calls. */
export function requestKind(requestPath: string): RequestKind {
  const pathname = requestPath.split('?')[0];
  // A statement is the only call that costs warehouse (or cloud services) work.
  if (pathname === '/queries/v1/query-request') return 'statement';
  if (pathname.startsWith('/monitoring/queries/')) return 'monitoring';
  if (pathname.endsWith('/abort-request')) return 'abort';
  if (/^\/queries\/[^/]+\/result$/.test(pathname)) return 'result';
  if (pathname.startsWith('/session')) return 'session';
  return 'other';
}

const CHANNEL = 'http.client.request.start';

export interface RequestCounter {
  /** Counts since the counter started. */
  snapshot(): RequestCounts;
  stop(): void;
}

export function countRequests(): RequestCounter {
  const counts = Object.fromEntries(REQUEST_KINDS.map((kind) => [kind, 0])) as RequestCounts;
  const onRequest = (message: unknown) => {
    counts[requestKind((message as { request: ClientRequest }).request.path)]++;
  };
  subscribe(CHANNEL, onRequest);
  return {
    snapshot: () => ({ ...counts }),
    stop: () => unsubscribe(CHANNEL, onRequest),
  };
}

/** Requests of each kind made between two snapshots. */
export function requestsBetween(before: RequestCounts, after: RequestCounts): RequestCounts {
  return Object.fromEntries(REQUEST_KINDS.map((kind) => [kind, after[kind] - before[kind]])) as RequestCounts;
}

export function totalRequests(counts: RequestCounts): number {
  return REQUEST_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
}
