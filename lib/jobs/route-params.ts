/**
 * The query parameters of the jobs routes, validated; a bad one is thrown as a ZodError, which
 * `answer()` turns into a 400 naming it. The job and Timeline filters are read by the codec the
 * pages write them with (lib/domain/job-filter-codec.ts); the rest by the shared helpers of
 * lib/domain/validation/query-params.ts.
 */
import { z } from '@/lib/domain/validation/zod';
import type { JobFilter, TimelineFilter } from '@/lib/domain/job';
import { MAX_JOB_LIMIT } from '@/lib/registry/limits';
import { decodeTimelineFilter, jobFilterDecoder, type DecodedFilter } from '@/lib/domain/job-filter-codec';
import { single, wholeNumber } from '@/lib/domain/validation/query-params';

export const MAX_RESULT_ROWS = 1_000;
export const DEFAULT_RESULT_ROWS = 100;

export const MAX_LOG_LINES = 10_000;
export const DEFAULT_LOG_LINES = 200;

const logRequestSchema = z.object({
  instance: z.string({ error: 'must name the instance (an instance id from the containers list)' }).regex(/^[\w-]{1,64}$/, 'must be an instance id, e.g. 0'),
  container: z
    .string({ error: 'must name the container' })
    .regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be a container name: lowercase letters, digits and -, starting with a letter'),
  lines: wholeNumber(MAX_LOG_LINES).default(DEFAULT_LOG_LINES),
});

const resultLimitSchema = z.object({ limit: wholeNumber(MAX_RESULT_ROWS).default(DEFAULT_RESULT_ROWS) });

const decodeJobFilter = jobFilterDecoder(MAX_JOB_LIMIT);

function filterOrThrow<F>(decoded: DecodedFilter<F>): F {
  if (!decoded.ok) throw decoded.error;
  return decoded.filter;
}

/** ?phase=&kind=&origin=&batch=&q=&limit= of the Jobs list; throws a ZodError naming each bad parameter. */
export function parseJobFilter(params: URLSearchParams): JobFilter {
  return filterOrThrow(decodeJobFilter(params));
}

/** ?phase=&kind=&batch=&label=&since=&until= of the Timeline; throws a ZodError naming each bad parameter. */
export function parseTimelineFilter(params: URLSearchParams): TimelineFilter {
  return filterOrThrow(decodeTimelineFilter(params));
}

export function parseResultLimit(params: URLSearchParams): number {
  return resultLimitSchema.parse({ limit: single(params, 'limit') }).limit;
}

/** ?instance=&container=&lines= of a log tail; throws a ZodError naming each bad parameter. */
export function parseLogRequest(params: URLSearchParams): { instanceId: string; containerName: string; lines: number } {
  const parsed = logRequestSchema.parse({ instance: single(params, 'instance'), container: single(params, 'container'), lines: single(params, 'lines') });
  return { instanceId: parsed.instance, containerName: parsed.container, lines: parsed.lines };
}
