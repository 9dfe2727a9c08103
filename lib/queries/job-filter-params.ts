/**
 * How a JobFilter travels to GET /api/jobs, and a TimelineFilter to GET /api/timeline (one shape
 * for both: they share most parts): `phase`, `kind` and `origin` repeat, the others appear once. Keys are written in a fixed order and values sorted, so equal filters give
 * equal URLs (and equal query-cache keys).
 */
import type { JobFilter, TimelineFilter } from '@/lib/domain/job';

type Filter = JobFilter & TimelineFilter;

/** The filter with empty parts dropped and lists sorted: the canonical form used as a cache key. */
export function normalizeJobFilter<F extends Filter>(filter: F): F {
  const normalized: Filter = {};
  if (filter.phases?.length) normalized.phases = [...new Set(filter.phases)].sort();
  if (filter.kinds?.length) normalized.kinds = [...new Set(filter.kinds)].sort();
  if (filter.origins?.length) normalized.origins = [...new Set(filter.origins)].sort();
  if (filter.batchId) normalized.batchId = filter.batchId;
  const text = filter.text?.trim();
  if (text) normalized.text = text;
  if (filter.limit !== undefined) normalized.limit = filter.limit;
  const label = filter.label?.trim();
  if (label) normalized.label = label;
  if (filter.since !== undefined) normalized.since = filter.since;
  if (filter.until !== undefined) normalized.until = filter.until;
  return normalized as F;
}

export function jobFilterSearchParams(filter: Filter): URLSearchParams {
  const { phases, kinds, origins, batchId, text, limit, label, since, until } = normalizeJobFilter(filter);
  const params = new URLSearchParams();
  for (const phase of phases ?? []) params.append('phase', phase);
  for (const kind of kinds ?? []) params.append('kind', kind);
  for (const origin of origins ?? []) params.append('origin', origin);
  if (batchId) params.set('batch', batchId);
  if (text) params.set('q', text);
  if (limit !== undefined) params.set('limit', String(limit));
  if (label) params.set('label', label);
  if (since !== undefined) params.set('since', String(since));
  if (until !== undefined) params.set('until', String(until));
  return params;
}
