'use client';
import { useQuery } from '@tanstack/react-query';
import { ClearFiltersButton, KindSelect, PhaseToggles, SearchBox, SELECT_CLASS } from '@/components/filter-controls';
import { formatTimestamp, shortId } from '@/lib/domain/format';
import type { Batch } from '@/lib/domain/job';
import { batchesQuery } from '@/lib/queries';
import { MAX_FILTER_TEXT } from '@/lib/domain/job-filter-codec';
import { TIME_WINDOWS, type TimeWindow, type TimelineFilters } from './use-timeline-filters';

export function batchName(batch: Pick<Batch, 'id' | 'label'>): string {
  return batch.label ?? `Batch ${shortId(batch.id)}`;
}

function BatchSelect({ label, value, batches, exclude, onChange, emptyLabel }: {
  label: string;
  value: string | null;
  batches: readonly Batch[];
  exclude?: string | null;
  onChange: (id: string | null) => void;
  emptyLabel: string;
}) {
  const now = Date.now();
  const known = value === null || batches.some((batch) => batch.id === value);
  return (
    <label className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
      {label}
      <select
        aria-label={label}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
        className={`${SELECT_CLASS} max-w-64`}
      >
        <option value="">{emptyLabel}</option>
        {known ? null : <option value={value}>Batch {shortId(value)}</option>}
        {batches
          .filter((batch) => batch.id !== exclude)
          .map((batch) => (
            <option key={batch.id} value={batch.id}>
              {batchName(batch)} · {batch.mode} · {batch.jobCount} · {formatTimestamp(batch.createdAt, now)}
            </option>
          ))}
      </select>
    </label>
  );
}

export function TimelineFiltersBar({ filters, choose, window, active, clear }: TimelineFilters) {
  const batches = useQuery(batchesQuery).data ?? [];
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <BatchSelect label="Batch" value={filters.batch} batches={batches} emptyLabel="All batches" onChange={(batch) => choose({ batch, compare: batch ? filters.compare : null })} />
      {filters.batch ? (
        <BatchSelect
          label="Compare with"
          value={filters.compare}
          batches={batches}
          exclude={filters.batch}
          emptyLabel="Nothing"
          onChange={(compare) => choose({ compare })}
        />
      ) : null}
      <KindSelect value={filters.kind} onChange={(kind) => choose({ kind })} />
      <PhaseToggles value={filters.phase} onChange={(phase) => choose({ phase })} />
      <SearchBox
        label="Batch label"
        placeholder="Label contains…"
        maxLength={MAX_FILTER_TEXT}
        className="w-44"
        value={filters.label}
        onSearch={(label) => choose({ label: label.trim() })}
      />
      <label className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
        Window
        <select value={window} onChange={(event) => choose({ window: event.target.value as TimeWindow })} className={SELECT_CLASS}>
          {Object.entries(TIME_WINDOWS).map(([key, { label }]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <ClearFiltersButton active={active} onClear={clear} />
    </div>
  );
}
