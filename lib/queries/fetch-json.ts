/**
 * Reads JSON from the dashboard's own GET routes for the query cache, turning an error answer
 * into an ApiError that keeps the HTTP status (so 4xx are not retried) and the server's message.
 */
import type { HealthReport } from '@/lib/domain/job';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function get(url: string, signal: AbortSignal | undefined): Promise<Response> {
  return fetch(url, { signal, headers: { accept: 'application/json' }, cache: 'no-store' });
}

async function readBody(response: Response): Promise<unknown> {
  // Not JSON (e.g. a proxy's HTML error page) reads as null; the caller reports the status.
  return response.json().catch(() => null);
}

function statusError(response: Response, body: unknown): ApiError {
  const message =
    typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
      ? body.error
      : `The server answered ${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, message);
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await get(url, signal);
  const body = await readBody(response);
  if (!response.ok) throw statusError(response, body);
  return body as T;
}

function isHealth(body: unknown): body is HealthReport {
  return typeof body === 'object' && body !== null && 'warehouse' in body && 'ok' in body;
}

/** A health answer is worth showing whatever its status code: a 503 still says what is down. */
export async function fetchHealth(signal?: AbortSignal): Promise<HealthReport> {
  const response = await get('/api/health', signal);
  const body = await readBody(response);
  if (isHealth(body)) return body;
  throw statusError(response, body);
}

/** Retry network errors and 5xx a few times; a 4xx answer will not change by asking again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 3;
}
