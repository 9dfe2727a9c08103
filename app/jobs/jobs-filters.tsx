'use client';
import { ClearFiltersButton, KindSelect, OriginSelect, PhaseToggles, SearchBox } from '@/components/filter-controls';
import { shortId } from '@/lib/domain/format';
import { MAX_FILTER_TEXT } from '@/lib/domain/job-filter-codec';
import type { JobFilters } from './use-job-filters';

export function JobsFilters({ filters, setFilters, active, clear }: JobFilters) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <SearchBox
        label="Search jobs"
        placeholder="Search SQL, label, query id, job name, error…"
        maxLength={MAX_FILTER_TEXT}
        value={filters.q}
        onSearch={(text) => void setFilters({ q: text.trim() || null })}
      />

      <PhaseToggles value={filters.phase} onChange={(phases) => void setFilters({ phase: phases })} />
      <KindSelect value={filters.kind} onChange={(kind) => void setFilters({ kind })} />
      <OriginSelect value={filters.origin} onChange={(origin) => void setFilters({ origin })} />

      {filters.batch ? (
        <span className="inline-flex h-7 items-center gap-1 rounded-full bg-zinc-200 pr-1 pl-2.5 text-xs dark:bg-zinc-800">
          Batch <span className="font-mono">{shortId(filters.batch)}</span>
          <button
            type="button"
            aria-label="Show all batches"
            onClick={() => void setFilters({ batch: null })}
            className="rounded-full px-1.5 text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
          >
            ×
          </button>
        </span>
      ) : null}

      <ClearFiltersButton active={active} onClear={() => void clear()} />
    </div>
  );
}
