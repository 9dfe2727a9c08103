'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from '@/components/button';
import { ChoiceSelect, ClearFiltersButton, EmptyListState, SearchBox } from '@/components/filter-controls';
import { PageHeader } from '@/components/page-header';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '@/lib/domain/audit';
import { countOf } from '@/lib/domain/format';
import { auditQueries } from '@/lib/queries';
import { ACTION_LABELS, AuditTable, OUTCOME_LABELS } from './audit-table';
import { useAuditFilters, type AuditFilters } from './use-audit-filters';

/** GET /api/audit refuses longer names. */
const MAX_ACTOR_LENGTH = 200;

function AuditFiltersBar({ filters, setFilters, active, clear }: AuditFilters) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <SearchBox
        label="Filter by who"
        placeholder="Who (part of the name)…"
        maxLength={MAX_ACTOR_LENGTH}
        className="w-56"
        value={filters.actor}
        onSearch={(text) => void setFilters({ actor: text.trim() || null })}
      />
      <ChoiceSelect
        label="Action"
        choices={AUDIT_ACTIONS}
        labels={ACTION_LABELS}
        value={filters.action}
        onChange={(action) => void setFilters({ action })}
      />
      <ChoiceSelect
        label="Outcome"
        choices={AUDIT_OUTCOMES}
        labels={OUTCOME_LABELS}
        value={filters.outcome}
        onChange={(outcome) => void setFilters({ outcome })}
      />
      <ClearFiltersButton active={active} onClear={() => void clear()} />
    </div>
  );
}

export function AuditClient() {
  const auditFilters = useAuditFilters();
  const log = useInfiniteQuery(auditQueries.list(auditFilters.auditFilter));
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <div className="space-y-3">
      <PageHeader title="Audit log" subtitle={log.data ? `${log.hasNextPage ? 'The latest ' : ''}${countOf(entries.length, 'entry', 'entries')}` : null} />

      <AuditFiltersBar {...auditFilters} />

      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        {log.isPending ? (
          <p className="px-4 py-16 text-center text-zinc-500">Loading the audit log…</p>
        ) : log.isError && !log.data ? (
          <div role="alert" className="px-4 py-16 text-center">
            <p className="font-medium text-red-700 dark:text-red-400">Could not load the audit log: {log.error.message}</p>
            <Button className="mt-4" onClick={() => void log.refetch()}>
              Try again
            </Button>
          </div>
        ) : entries.length === 0 ? (
          <EmptyListState noun="entries" filtered={auditFilters.active} onClear={() => void auditFilters.clear()}>
            <p className="font-medium">Nothing recorded yet.</p>
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">Launches, cancels and task changes appear here, with who made them.</p>
          </EmptyListState>
        ) : (
          <AuditTable entries={entries} />
        )}
      </div>

      {log.hasNextPage ? (
        <div className="flex justify-center">
          <Button disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {log.isFetchingNextPage ? 'Loading…' : 'Load older'}
          </Button>
        </div>
      ) : null}
      {log.isFetchNextPageError ? (
        <p role="alert" className="text-center text-sm text-red-700 dark:text-red-400">
          Could not load older entries: {log.error?.message}
        </p>
      ) : null}
    </div>
  );
}
