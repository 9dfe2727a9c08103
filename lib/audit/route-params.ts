/** The query parameters of GET /api/audit, validated with the routes' shared helpers (same messages as the jobs routes). */
import { z } from '@/lib/domain/validation/zod';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, MAX_AUDIT_LIMIT, type AuditAction, type AuditFilter, type AuditOutcome } from '@/lib/domain/audit';
import { oneOf, single, wholeNumber } from '@/lib/domain/validation/query-params';

const auditFilterSchema = z.object({
  limit: wholeNumber(MAX_AUDIT_LIMIT).optional(),
  before: wholeNumber(Number.MAX_SAFE_INTEGER).optional(),
  action: oneOf('action', AUDIT_ACTIONS).optional(),
  outcome: oneOf('outcome', AUDIT_OUTCOMES).optional(),
  actor: z.string().max(200, 'must be at most 200 characters').optional(),
});

/** ?limit=&before=&action=&actor=&outcome=; throws a ZodError naming each bad parameter. */
export function parseAuditFilter(params: URLSearchParams): AuditFilter {
  const parsed = auditFilterSchema.parse({
    limit: single(params, 'limit'),
    before: single(params, 'before'),
    action: single(params, 'action'),
    outcome: single(params, 'outcome'),
    actor: single(params, 'actor'),
  });
  return { ...parsed, action: parsed.action as AuditAction | undefined, outcome: parsed.outcome as AuditOutcome | undefined };
}
