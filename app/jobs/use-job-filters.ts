/**
 * The Jobs page's filters, kept in the URL (?phase=running,failed&kind=query&origin=external&batch=…&q=…) so a
 * reload, a bookmark or a shared link shows the same rows.
 */
import { parseAsArrayOf, parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { JOB_KINDS, JOB_ORIGINS, type JobFilter } from '@/lib/domain/job';
import { PHASES } from '@/lib/domain/status';

const filterParsers = {
  phase: parseAsArrayOf(parseAsStringLiteral(PHASES)).withDefault([]),
  kind: parseAsStringLiteral(JOB_KINDS),
  origin: parseAsStringLiteral(JOB_ORIGINS),
  batch: parseAsString,
  q: parseAsString.withDefault(''),
};

export function useJobFilters() {
  const [filters, setFilters] = useQueryStates(filterParsers);
  const { phase, kind, origin, batch, q } = filters;

  const jobFilter = useMemo<JobFilter>(
    () => ({ phases: phase, kinds: kind ? [kind] : undefined, origins: origin ? [origin] : undefined, batchId: batch ?? undefined, text: q }),
    [phase, kind, origin, batch, q],
  );
  const active = phase.length > 0 || kind !== null || origin !== null || batch !== null || q !== '';

  return { filters, setFilters, jobFilter, active, clear: () => setFilters(null) };
}

export type JobFilters = ReturnType<typeof useJobFilters>;
