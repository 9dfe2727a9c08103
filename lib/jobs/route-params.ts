/**
 * The query parameters of the jobs routes, validated. Lists may repeat (`phase=a&phase=b`, as
 * the pages send them) or be comma-separated (`phase=a,b`, handy by hand).
 */
import { z } from 'zod';
import { JOB_KINDS, JOB_ORIGINS, type JobFilter, type TimelineFilter } from '@/lib/domain/job';
import { PHASES } from '@/lib/domain/status';
import { MAX_JOB_LIMIT } from '@/lib/registry/limits';

export const MAX_RESULT_ROWS = 1_000;
export const DEFAULT_RESULT_ROWS = 100;

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

export const oneOf = (what: string, values: readonly string[]) =>
  z.enum(values as [string, ...string[]], {
    error: (issue) => `"${String(issue.input)}" is not ${article(what)} ${what}; use ${values.join(', ')}.`,
  });

export const wholeNumber = (max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`);

const jobFilterSchema = z.object({
  phase: z.array(oneOf('phase', PHASES)),
  kind: z.array(oneOf('kind', JOB_KINDS)),
  origin: z.array(oneOf('origin', JOB_ORIGINS)),
  batch: z.uuid('must be a batch id (a UUID)').optional(),
  q: z.string().max(200, 'must be at most 200 characters').optional(),
  limit: wholeNumber(MAX_JOB_LIMIT).optional(),
});

const epochMs = z.coerce
  .number({ error: 'must be a time in epoch milliseconds' })
  .int('must be a whole number of milliseconds')
  .min(0, 'must not be before 1970')
  .max(8.64e15, 'is beyond the last representable date');

const timelineFilterSchema = z
  .object({
    phase: jobFilterSchema.shape.phase,
    kind: jobFilterSchema.shape.kind,
    batch: jobFilterSchema.shape.batch,
    label: z.string().max(200, 'must be at most 200 characters').optional(),
    since: epochMs.optional(),
    until: epochMs.optional(),
  })
  .refine((filter) => filter.since === undefined || filter.until === undefined || filter.since <= filter.until, {
    path: ['until'],
    message: 'must not be before since',
  });

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

function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

export function single(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim();
  return value ? value : undefined;
}

/** Throws a ZodError naming each bad parameter. */
export function parseJobFilter(params: URLSearchParams): JobFilter {
  const parsed = jobFilterSchema.parse({
    phase: list(params, 'phase'),
    kind: list(params, 'kind'),
    origin: list(params, 'origin'),
    batch: single(params, 'batch'),
    q: single(params, 'q'),
    limit: single(params, 'limit'),
  });
  return {
    phases: parsed.phase as JobFilter['phases'],
    kinds: parsed.kind as JobFilter['kinds'],
    origins: parsed.origin as JobFilter['origins'],
    batchId: parsed.batch,
    text: parsed.q,
    limit: parsed.limit,
  };
}

/** ?phase=&kind=&batch=&label=&since=&until= of the Timeline; throws a ZodError naming each bad parameter. */
export function parseTimelineFilter(params: URLSearchParams): TimelineFilter {
  const parsed = timelineFilterSchema.parse({
    phase: list(params, 'phase'),
    kind: list(params, 'kind'),
    batch: single(params, 'batch'),
    label: single(params, 'label'),
    since: single(params, 'since'),
    until: single(params, 'until'),
  });
  return {
    phases: parsed.phase as TimelineFilter['phases'],
    kinds: parsed.kind as TimelineFilter['kinds'],
    batchId: parsed.batch,
    label: parsed.label,
    since: parsed.since,
    until: parsed.until,
  };
}

export function parseResultLimit(params: URLSearchParams): number {
  return resultLimitSchema.parse({ limit: single(params, 'limit') }).limit;
}

/** Problems named one by one; past these, a count (100,000 bad values must not make a message of megabytes). */
const MAX_NAMED_PROBLEMS = 5;

/** One line naming each bad parameter, e.g. `phase: "done" is not a phase; use queued, …`. */
export function describeParamErrors(error: z.ZodError): string {
  const named = error.issues
    .slice(0, MAX_NAMED_PROBLEMS)
    .map((issue) => `${issue.path.filter((part) => typeof part === 'string').join('.')}: ${issue.message}`);
  const more = error.issues.length - named.length;
  return [...named, ...(more > 0 ? [`(and ${more.toLocaleString('en-US')} more)`] : [])].join(' ');
}

/** ?instance=&container=&lines= of a log tail; throws a ZodError naming each bad parameter. */
export function parseLogRequest(params: URLSearchParams): { instanceId: string; containerName: string; lines: number } {
  const parsed = logRequestSchema.parse({ instance: single(params, 'instance'), container: single(params, 'container'), lines: single(params, 'lines') });
  return { instanceId: parsed.instance, containerName: parsed.container, lines: parsed.lines };
}
