import 'server-only';
/**
 * The audit log: who launched, cancelled or changed what, and when. Kept in the
 * registry's DuckDB file, beside the launches it describes, so it survives restarts and crashes.
 * Append-only: there is no way to change or remove an entry, only the oldest are pruned.
 */
import type { AuditEntry, AuditFilter, AuditRecord } from '@/lib/domain/audit';
import { registry } from '@/lib/registry';

export type { AuditAction, AuditOutcome } from '@/lib/domain/audit';

/** Appends one record. Never throws: a failing audit write is logged to the server console and the action goes on. */
export async function recordAudit(record: AuditRecord): Promise<void> {
  try {
    await (await registry()).appendAudit(record);
  } catch (error) {
    console.error(`[flurry] audit write failed (${record.action} by ${record.actor}, ${record.outcome}):`, error);
  }
}

/** Entries newest first; `before` (an entry id) reads the page after one already shown. */
export async function listAudit(filter: AuditFilter): Promise<AuditEntry[]> {
  return (await registry()).listAudit(filter);
}
