/**
 * The Audit page's filters, kept in the URL (?action=cancel-jobs&outcome=refused&actor=ana) so a
 * reload, a bookmark or a shared link shows the same entries.
 */
import { parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '@/lib/domain/audit';
import type { AuditListFilter } from '@/lib/queries';

const filterParsers = {
  action: parseAsStringLiteral(AUDIT_ACTIONS),
  outcome: parseAsStringLiteral(AUDIT_OUTCOMES),
  actor: parseAsString.withDefault(''),
};

export function useAuditFilters() {
  const [filters, setFilters] = useQueryStates(filterParsers);
  const { action, outcome, actor } = filters;

  const auditFilter = useMemo<AuditListFilter>(
    () => ({ action: action ?? undefined, outcome: outcome ?? undefined, actor: actor || undefined }),
    [action, outcome, actor],
  );
  const active = action !== null || outcome !== null || actor !== '';

  return { filters, setFilters, auditFilter, active, clear: () => setFilters(null) };
}

export type AuditFilters = ReturnType<typeof useAuditFilters>;
