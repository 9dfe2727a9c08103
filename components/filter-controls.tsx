'use client';
/** Filter controls shared by the Jobs, Timeline and Audit pages, so all read and behave alike. */
import { useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { Button } from '@/components/button';
import { KIND_LABELS } from '@/components/kind-badge';
import { ORIGIN_LABELS } from '@/components/origin-badge';
import { PHASE_LABELS } from '@/components/status-badge';
import { JOB_KINDS, JOB_ORIGINS, type JobKind, type JobOrigin } from '@/lib/domain/job';
import { PHASES, type Phase } from '@/lib/domain/status';

export const SELECT_CLASS =
  'h-7 rounded-md border border-zinc-300 bg-white px-1.5 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

/** One toggle per phase; none pressed means every phase. */
export function PhaseToggles({ value, onChange }: { value: readonly Phase[]; onChange: (phases: Phase[]) => void }) {
  const toggle = (phase: Phase) => onChange(value.includes(phase) ? value.filter((p) => p !== phase) : [...value, phase]);
  return (
    <div role="group" aria-label="Phase" className="flex flex-wrap items-center gap-1">
      {PHASES.map((phase) => {
        const pressed = value.includes(phase);
        return (
          <button
            key={phase}
            type="button"
            aria-pressed={pressed}
            onClick={() => toggle(phase)}
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
  );
}

/** One of a few values, or All (null). */
export function ChoiceSelect<T extends string>({ label, choices, labels, value, onChange }: {
  label: string;
  choices: readonly T[];
  labels: Record<T, string>;
  value: T | null;
  onChange: (value: T | null) => void;
}) {
  return (
    <label className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
      {label}
      <select
        value={value ?? ''}
        onChange={(event) => onChange(choices.find((choice) => choice === event.target.value) ?? null)}
        className={SELECT_CLASS}
      >
        <option value="">All</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labels[choice]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function KindSelect({ value, onChange }: { value: JobKind | null; onChange: (kind: JobKind | null) => void }) {
  return <ChoiceSelect label="Kind" choices={JOB_KINDS} labels={KIND_LABELS} value={value} onChange={onChange} />;
}

/** Flurry's own launches, queries other clients ran, or both. */
export function OriginSelect({ value, onChange }: { value: JobOrigin | null; onChange: (origin: JobOrigin | null) => void }) {
  return <ChoiceSelect label="Origin" choices={JOB_ORIGINS} labels={ORIGIN_LABELS} value={value} onChange={onChange} />;
}

const SEARCH_DEBOUNCE_MS = 300;

/** Text search that writes to the URL only once typing pauses, so each keystroke is not a fetch. */
export function SearchBox({ value, onSearch, label, placeholder, maxLength, className = 'w-72' }: {
  value: string;
  onSearch: (text: string) => void;
  label: string;
  placeholder: string;
  maxLength: number;
  className?: string;
}) {
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
      aria-label={label}
      placeholder={placeholder}
      value={draft}
      maxLength={maxLength}
      onChange={(event) => setDraft(event.target.value)}
      className={`h-8 rounded-md border border-zinc-300 bg-white px-2.5 dark:border-zinc-700 dark:bg-zinc-900 ${className}`}
    />
  );
}

/** Shown while any filter is set. */
export function ClearFiltersButton({ active, onClear }: { active: boolean; onClear: () => void }) {
  if (!active) return null;
  return (
    <Button variant="ghost" size="sm" onClick={onClear}>
      Clear filters
    </Button>
  );
}

/**
 * An empty list: filtered, a way out of the filters; otherwise `children`, saying what will
 * appear here.
 */
export function EmptyListState({ filtered, noun, onClear, children }: {
  filtered: boolean;
  /** Plural, as in "No jobs match these filters." */
  noun: string;
  onClear: () => void;
  children: ReactNode;
}) {
  return (
    <div className="px-4 py-16 text-center">
      {filtered ? (
        <>
          <p className="font-medium">No {noun} match these filters.</p>
          <Button variant="secondary" className="mt-4" onClick={onClear}>
            Clear filters
          </Button>
        </>
      ) : (
        children
      )}
    </div>
  );
}
