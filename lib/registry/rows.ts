/**
 * Registry rows → the DTOs of lib/domain/job.ts. DuckDB hands BIGINT back as bigint; the DTOs
 * carry plain numbers (epoch ms and row counts stay far below 2^53).
 */
import type { Access } from '@/lib/domain/access';
import type { AuditAction, AuditEntry, AuditOutcome } from '@/lib/domain/audit';
import type { Batch, BatchMode, Job, JobKind, StatusTransition, JobCore, TimelineEntry } from '@/lib/domain/job';
import type { Phase } from '@/lib/domain/status';
import type { Row } from './sql';

function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Number(value);
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function toCore(row: Row): JobCore {
  return {
    id: String(row.id),
    kind: row.kind as JobKind,
    batchId: String(row.batch_id),
    batchLabel: text(row.batch_label),
    batchMode: row.batch_mode as BatchMode,
    position: Number(row.position),
    rawStatus: String(row.raw_status),
    phase: row.phase as Phase,
    submittedAt: num(row.submitted_at),
    startedAt: num(row.started_at),
    endedAt: num(row.ended_at),
  };
}

export function toJob(row: Row): Job {
  return {
    ...toCore(row),
    sql: String(row.sql),
    queryId: text(row.query_id),
    errorCode: text(row.error_code),
    errorMessage: text(row.error_message),
    rowCount: num(row.row_count),
    updatedAt: Number(row.updated_at),
    service:
      row.kind === 'job_service'
        ? {
            name: text(row.service_name),
            resolved: row.service_resolved === true,
            computePool: String(row.compute_pool ?? ''),
            spec: text(row.spec),
            replicas: num(row.replicas) ?? 1,
          }
        : null,
    origin: row.origin === 'external' ? 'external' : 'flurry',
    ranBy:
      row.origin === 'external'
        ? {
            user: text(row.run_user),
            role: text(row.run_role),
            warehouse: text(row.run_warehouse),
            // A session the history did not name is kept as '' (the batch's key).
            sessionId: text(row.external_session) || null,
          }
        : null,
  };
}

export function toTimelineEntry(row: Row): TimelineEntry {
  return { ...toCore(row), title: String(row.title ?? '') };
}

export function toBatch(row: Row): Batch {
  return {
    id: String(row.id),
    label: text(row.label),
    mode: row.mode as BatchMode,
    createdAt: Number(row.created_at),
    jobCount: Number(row.job_count),
  };
}

export function toTransition(row: Row): StatusTransition {
  return { rawStatus: String(row.raw_status), phase: row.phase as Phase, at: Number(row.changed_at) };
}

export function toAuditEntry(row: Row): AuditEntry {
  return {
    id: Number(row.id),
    at: Number(row.recorded_at),
    actor: String(row.actor),
    access: row.access as Access,
    address: text(row.address),
    action: row.action as AuditAction,
    target: String(row.target),
    detail: text(row.detail),
    outcome: row.outcome as AuditOutcome,
    error: text(row.error),
  };
}
