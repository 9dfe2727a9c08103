/**
 * The Jobs page's filters, kept in the URL (?phase=running,failed&kind=query&origin=external&batch=…&q=…) so a
 * reload, a bookmark or a shared link shows the same rows.
 */
import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import type { JobFilter } from '@/lib/domain/job';
import { filterUrlParsers } from '@/lib/hooks/filter-url-parsers';
import { filterOfUrlState } from '@/lib/domain/job-filter-codec';

/** The parameters the Jobs list reads (the Timeline's label is not one). */
const { phase, kind, origin, batch, q } = filterUrlParsers;
const filterParsers = { phase, kind, origin, batch, q };

export function useJobFilters() {
  const [filters, setFilters] = useQueryStates(filterParsers);

  const jobFilter = useMemo<JobFilter>(
    () => filterOfUrlState(filters),
    // The parts, not the object: a new object with the same parts must not make a new filter.
    [filters.phase, filters.kind, filters.origin, filters.batch, filters.q],
  );
  const active = Object.keys(jobFilter).length > 0;

  return { filters, setFilters, jobFilter, active, clear: () => setFilters(null) };
}

export type JobFilters = ReturnType<typeof useJobFilters>;
