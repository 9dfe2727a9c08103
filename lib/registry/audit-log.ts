/**
 * The audit log's SQL (lib/audit): appending one entry, reading a filtered page, and pruning the
 * oldest. Runs on the registry's connections, so entries share its file, its write queue and its
 * crash safety.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { boundAuditRecord, DEFAULT_AUDIT_LIMIT, type AuditEntry, type AuditFilter, type AuditRecord } from '@/lib/domain/audit';
import type { Run } from './sql';

/**
 * How long the log grows. Days of unattended running with hundreds of launches an hour must not
 * fill the disk, and the page only ever reads the newest entries; 100,000 is months of heavy use
 * in a few tens of megabytes. Pruning runs once every `pruneEvery` appends (and when the registry
 * opens) rather than on each, so an append stays one insert; the table holds at most
 * keep + pruneEvery rows.
 */
export interface AuditRetention {
  keep: number;
  pruneEvery: number;
}

export const AUDIT_RETENTION: AuditRetention = { keep: 100_000, pruneEvery: 1_000 };

/** The store reads no more than this at once, whatever it is asked for. */
const MAX_READ = 1_000;

const COLUMNS = ['recorded_at', 'actor', 'access', 'address', 'action', 'target', 'detail', 'outcome', 'error'] as const;

/**
 * Appends `record`, its long fields cut to size. The id is the last one plus one: appends go
 * through the registry's single writer, so ids are unique and follow the order of the log.
 */
export async function appendAuditEntry(run: Run, record: AuditRecord, at: number): Promise<AuditEntry> {
  const bounded = boundAuditRecord(record);
  const values = { ...bounded, recorded_at: at };
  const [row] = await run(
    `INSERT INTO audit_log (id, ${COLUMNS.join(', ')})
     SELECT coalesce(max(id), 0) + 1, ${COLUMNS.map(() => '?').join(', ')} FROM audit_log RETURNING id`,
    COLUMNS.map((column) => values[column]),
  );
  return { ...bounded, id: Number(row.id), at };
}

/** Deletes all but the newest `keep` entries. */
export async function pruneAuditLog(run: Run, keep: number): Promise<void> {
  await run('DELETE FROM audit_log WHERE id < (SELECT id FROM audit_log ORDER BY id DESC LIMIT 1 OFFSET ?)', [keep - 1]);
}

/** The newest entries matching `filter`, as one query. */
export function auditListQuery(filter: AuditFilter): { sql: string; values: DuckDBValue[] } {
  const parts: string[] = [];
  const values: DuckDBValue[] = [];
  if (filter.before !== undefined) {
    parts.push('id < ?');
    values.push(filter.before);
  }
  if (filter.action) {
    parts.push('action = ?');
    values.push(filter.action);
  }
  if (filter.outcome) {
    parts.push('outcome = ?');
    values.push(filter.outcome);
  }
  const actor = filter.actor?.trim().toLowerCase();
  if (actor) {
    parts.push('contains(lower(actor), ?)');
    values.push(actor);
  }
  const limit = Math.min(Math.max(1, filter.limit ?? DEFAULT_AUDIT_LIMIT), MAX_READ);
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  return { sql: `SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ?`, values: [...values, limit] };
}
