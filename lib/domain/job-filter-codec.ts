/**
 * The job filter as URL parameters, written and read in one place. The Jobs and Timeline pages
 * keep it in their own URL (nuqs parsers built from FILTER_CHOICES), the query cache sends it to
 * GET /api/jobs and /api/timeline (`encodeJobFilter`), and those routes read it back
 * (`jobFilterDecoder`, `decodeTimelineFilter`). The pages' URL and the routes' parameters are one
 * format: `?phase=running,failed&kind=query` means the same filter to both. Pure, so the browser
 * and the server run the same code.
 */
import { z } from '@/lib/domain/validation/zod';
import { JOB_KINDS, JOB_ORIGINS, type JobFilter, type JobKind, type JobOrigin, type TimelineFilter } from './job';
import { PHASES, type Phase } from './status';
import { list, oneOf, single, wholeNumber } from './validation/query-params';

/** Every part a Jobs or Timeline filter can have; each route reads the parts it serves. */
export type AnyJobFilter = JobFilter & TimelineFilter;

/** The parameter that carries each part, in the order they are written (equal filters, equal URLs). */
export const FILTER_PARAMS = {
  phases: 'phase',
  kinds: 'kind',
  origins: 'origin',
  batchId: 'batch',
  text: 'q',
  limit: 'limit',
  label: 'label',
  since: 'since',
  until: 'until',
} as const satisfies { [Field in keyof AnyJobFilter]-?: string };

const FIELDS = Object.entries(FILTER_PARAMS) as [keyof AnyJobFilter, string][];

/** The list parameters and the values each may hold. */
export const FILTER_CHOICES = { phase: PHASES, kind: JOB_KINDS, origin: JOB_ORIGINS } as const;

/** The longest search text (q) or label the routes accept. */
export const MAX_FILTER_TEXT = 200;

const text = z.string().max(MAX_FILTER_TEXT, `must be at most ${MAX_FILTER_TEXT} characters`).optional();

const epochMs = z.coerce
  .number({ error: 'must be a time in epoch milliseconds' })
  .int('must be a whole number of milliseconds')
  .min(0, 'must not be before 1970')
  .max(8.64e15, 'is beyond the last representable date');

/** Each parameter's schema; a schema's keys are the parameters its route reads. */
const paramSchemas = {
  phase: z.array(oneOf('phase', FILTER_CHOICES.phase)),
  kind: z.array(oneOf('kind', FILTER_CHOICES.kind)),
  origin: z.array(oneOf('origin', FILTER_CHOICES.origin)),
  batch: z.uuid('must be a batch id (a UUID)').optional(),
  q: text,
  label: text,
  since: epochMs.optional(),
  until: epochMs.optional(),
};

const timelineFilterSchema = z
  .object({
    phase: paramSchemas.phase,
    kind: paramSchemas.kind,
    batch: paramSchemas.batch,
    label: paramSchemas.label,
    since: paramSchemas.since,
    until: paramSchemas.until,
  })
  .refine((filter) => filter.since === undefined || filter.until === undefined || filter.since <= filter.until, {
    path: ['until'],
    message: 'must not be before since',
  });

/** A filter read from parameters, or the error whose issues name each bad parameter (by its path). */
export type DecodedFilter<F> = { ok: true; filter: F } | { ok: false; error: z.ZodError };

function decode<F>(schema: z.ZodObject, params: URLSearchParams): DecodedFilter<F> {
  const names = Object.keys(schema.shape);
  const raw = Object.fromEntries(names.map((name) => [name, name in FILTER_CHOICES ? list(params, name) : single(params, name)]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error };
  const read: Record<string, unknown> = parsed.data;
  const filter = Object.fromEntries(FIELDS.filter(([, param]) => names.includes(param)).map(([field, param]) => [field, read[param]]));
  return { ok: true, filter: filter as F };
}

/**
 * The decoder of GET /api/jobs: ?phase=&kind=&origin=&batch=&q=&limit=. The most jobs one
 * listing may return is the registry's to say, so it is given here.
 */
export function jobFilterDecoder(maxLimit: number): (params: URLSearchParams) => DecodedFilter<JobFilter> {
  const schema = z.object({
    phase: paramSchemas.phase,
    kind: paramSchemas.kind,
    origin: paramSchemas.origin,
    batch: paramSchemas.batch,
    q: paramSchemas.q,
    limit: wholeNumber(maxLimit).optional(),
  });
  return (params) => decode<JobFilter>(schema, params);
}

/** GET /api/timeline: ?phase=&kind=&batch=&label=&since=&until=, the window not ending before it starts. */
export function decodeTimelineFilter(params: URLSearchParams): DecodedFilter<TimelineFilter> {
  return decode<TimelineFilter>(timelineFilterSchema, params);
}

/** The filter with empty parts dropped, text trimmed and lists sorted: the canonical form used as a cache key. */
export function normalizeJobFilter<F extends AnyJobFilter>(filter: F): F {
  const normalized: Record<string, unknown> = {};
  for (const [field] of FIELDS) {
    const value = filter[field];
    if (Array.isArray(value)) {
      if (value.length) normalized[field] = [...new Set(value)].sort();
    } else if (typeof value === 'string') {
      if (value.trim()) normalized[field] = value.trim();
    } else if (value !== undefined) {
      normalized[field] = value;
    }
  }
  return normalized as F;
}

/** The parameters of a filter: lists repeat, the others appear once; keys in a fixed order, values sorted. */
export function encodeJobFilter(filter: AnyJobFilter): URLSearchParams {
  const normalized = normalizeJobFilter(filter);
  const params = new URLSearchParams();
  for (const [field, param] of FIELDS) {
    const value = normalized[field];
    if (Array.isArray(value)) for (const item of value) params.append(param, item);
    else if (value !== undefined) params.set(param, String(value));
  }
  return params;
}

/** A page's own URL state: the same parameters, with at most one kind and one origin chosen. */
export interface FilterUrlState {
  phase?: readonly Phase[];
  kind?: JobKind | null;
  origin?: JobOrigin | null;
  batch?: string | null;
  q?: string;
  label?: string;
}

/** The (normalized) filter a page's URL state names. */
export function filterOfUrlState(state: FilterUrlState): AnyJobFilter {
  return normalizeJobFilter({
    phases: state.phase ? [...state.phase] : undefined,
    kinds: state.kind ? [state.kind] : undefined,
    origins: state.origin ? [state.origin] : undefined,
    batchId: state.batch ?? undefined,
    text: state.q,
    label: state.label,
  });
}
