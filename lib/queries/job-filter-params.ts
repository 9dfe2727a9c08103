/**
 * How a JobFilter travels to GET /api/jobs: `phase` and `kind` repeat, `batch`, `q` and `limit`
 * appear once. Keys are written in a fixed order and values sorted, so equal filters give
 * equal URLs (and equal query-cache keys).
 */
import type { JobFilter } from '@/lib/domain/job';

/** The filter with empty parts dropped and lists sorted: the canonical form used as a cache key. */
export function normalizeJobFilter(filter: JobFilter): JobFilter {
  const normalized: JobFilter = {};
  if (filter.phases?.length) normalized.phases = [...new Set(filter.phases)].sort();
  if (filter.kinds?.length) normalized.kinds = [...new Set(filter.kinds)].sort();
  if (filter.batchId) normalized.batchId = filter.batchId;
  const text = filter.text?.trim();
  if (text) normalized.text = text;
  if (filter.limit !== undefined) normalized.limit = filter.limit;
  return normalized;
}

export function jobFilterSearchParams(filter: JobFilter): URLSearchParams {
  const { phases, kinds, batchId, text, limit } = normalizeJobFilter(filter);
  const params = new URLSearchParams();
  for (const phase of phases ?? []) params.append('phase', phase);
  for (const kind of kinds ?? []) params.append('kind', kind);
  if (batchId) params.set('batch', batchId);
  if (text) params.set('q', text);
  if (limit !== undefined) params.set('limit', String(limit));
  return params;
}
