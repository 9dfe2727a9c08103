'use client';
import { useEffect, useEffectEvent, useState } from 'react';
import { Button } from '@/components/button';
import { KIND_LABELS } from '@/components/kind-badge';
import { PHASE_LABELS } from '@/components/status-badge';
import { shortId } from '@/lib/domain/format';
import { JOB_KINDS } from '@/lib/domain/job';
import { PHASES, type Phase } from '@/lib/domain/status';
import type { JobFilters } from './use-job-filters';

const SEARCH_DEBOUNCE_MS = 300;
/** GET /api/jobs refuses longer searches. */
const MAX_SEARCH_LENGTH = 200;

/** Text search that writes to the URL only once typing pauses, so each keystroke is not a fetch. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (text: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  // Follow changes made elsewhere (Clear filters, back button).
  if (value !== lastValue) {
    setLastValue(value);
    setDraft(value);
  }

  // A re-render for fresh data must not restart the pause being waited for.
  const search = useEffectEvent((text: string) => onSearch(text));
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => search(draft), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);

  return (
    <input
      type="search"
      aria-label="Search jobs"
      placeholder="Search SQL, label, query id, job name, error…"
      value={draft}
      maxLength={MAX_SEARCH_LENGTH}
      onChange={(event) => setDraft(event.target.value)}
      className="h-8 w-72 rounded-md border border-zinc-300 bg-white px-2.5 dark:border-zinc-700 dark:bg-zinc-900"
    />
  );
}

export function JobsFilters({ filters, setFilters, active, clear }: JobFilters) {
  const togglePhase = (phase: Phase) => {
    const phases = filters.phase.includes(phase) ? filters.phase.filter((p) => p !== phase) : [...filters.phase, phase];
    void setFilters({ phase: phases });
  };

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <SearchBox value={filters.q} onSearch={(text) => void setFilters({ q: text.trim() || null })} />

      <div role="group" aria-label="Phase" className="flex flex-wrap items-center gap-1">
        {PHASES.map((phase) => {
          const pressed = filters.phase.includes(phase);
          return (
            <button
              key={phase}
              type="button"
              aria-pressed={pressed}
              onClick={() => togglePhase(phase)}
              className={`h-7 rounded-full border px-2.5 text-xs font-medium ${
                pressed
                  ? 'border-sky-500 bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-200'
                  : 'border-zinc-300 bg-white text-zinc-600 hover:text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
              }`}
            >
              {PHASE_LABELS[phase]}
            </button>
          );
        })}
      </div>

      <label className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
        Kind
        <select
          value={filters.kind ?? ''}
          onChange={(event) =>
            void setFilters({ kind: JOB_KINDS.find((kind) => kind === event.target.value) ?? null })
          }
          className="h-7 rounded-md border border-zinc-300 bg-white px-1.5 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <option value="">All</option>
          {JOB_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>

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

      {active ? (
        <Button variant="ghost" size="sm" onClick={() => void clear()}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
