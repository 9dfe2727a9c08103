/**
 * The WHERE clause of both the Jobs list and the Timeline: one filter shape, read the same way.
 * Columns are the jobs table as `j` joined to its batch as `b`.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { JobFilter, TimelineFilter } from '@/lib/domain/job';
import { placeholders } from './sql';

export function filterClause(filter: JobFilter & TimelineFilter, now = Date.now()): { where: string; values: DuckDBValue[] } {
  const parts: string[] = [];
  const values: DuckDBValue[] = [];
  if (filter.phases?.length) {
    parts.push(`j.phase IN (${placeholders(filter.phases.length)})`);
    values.push(...filter.phases);
  }
  if (filter.kinds?.length) {
    parts.push(`j.kind IN (${placeholders(filter.kinds.length)})`);
    values.push(...filter.kinds);
  }
  if (filter.origins?.length) {
    parts.push(`b.origin IN (${placeholders(filter.origins.length)})`);
    values.push(...filter.origins);
  }
  if (filter.batchId) {
    parts.push('j.batch_id = ?');
    values.push(filter.batchId);
  }
  const text = filter.text?.trim().toLowerCase();
  if (text) {
    const fields = ['j.sql', 'b.label', 'j.query_id', 'j.error_message', 'j.service_name'];
    parts.push(`(${fields.map((field) => `contains(lower(coalesce(${field}, '')), ?)`).join(' OR ')})`);
    values.push(...fields.map(() => text));
  }
  const label = filter.label?.trim().toLowerCase();
  if (label) {
    parts.push("contains(lower(coalesce(b.label, '')), ?)");
    values.push(label);
  }
  // A job overlaps the window if it was queued before the window ended and had not ended before it began.
  if (filter.until !== undefined) {
    parts.push('coalesce(j.submitted_at, b.created_at) <= ?');
    values.push(filter.until);
  }
  if (filter.since !== undefined) {
    parts.push('coalesce(j.ended_at, ?) >= ?');
    values.push(now, filter.since);
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', values };
}
