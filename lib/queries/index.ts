/**
 * The one place that names the dashboard's cached reads: keys and options together, so a page,
 * the change-event stream and an action's follow-up all agree on what to read and to invalidate.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Health, JobDetail, JobFilter, JobList, ResultPage } from '@/lib/domain/job';
import { fetchHealth, fetchJson } from './fetch-json';
import { jobFilterSearchParams, normalizeJobFilter } from './job-filter-params';
import { detailRefetchInterval, listRefetchInterval } from './refetch-interval';

const HEALTH_POLL_MS = 15_000;

export const jobKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobKeys.all, 'list'] as const,
  list: (filter: JobFilter) => [...jobKeys.lists(), normalizeJobFilter(filter)] as const,
  details: () => [...jobKeys.all, 'detail'] as const,
  detail: (id: string) => [...jobKeys.details(), id] as const,
  result: (id: string) => [...jobKeys.all, 'result', id] as const,
};

function jobPath(id: string, suffix = ''): string {
  return `/api/jobs/${encodeURIComponent(id)}${suffix}`;
}

export const jobQueries = {
  list: (filter: JobFilter) =>
    queryOptions({
      queryKey: jobKeys.list(filter),
      queryFn: ({ signal }) => {
        const params = jobFilterSearchParams(filter).toString();
        return fetchJson<JobList>(params ? `/api/jobs?${params}` : '/api/jobs', signal);
      },
      refetchInterval: (query) => listRefetchInterval(query.state.data?.jobs),
      // Filtering should not blank the table while the new answer loads.
      placeholderData: (previous) => previous,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: jobKeys.detail(id),
      queryFn: ({ signal }) => fetchJson<JobDetail>(jobPath(id), signal),
      refetchInterval: (query) => detailRefetchInterval(query.state.data),
    }),
  /** Only read once the job has succeeded: a query's result never changes after that. */
  result: (id: string) =>
    queryOptions({
      queryKey: jobKeys.result(id),
      queryFn: ({ signal }) => fetchJson<ResultPage>(jobPath(id, '/result'), signal),
      staleTime: Infinity,
    }),
};

export const jobCsvUrl = (id: string): string => jobPath(id, '/csv');

export const healthQuery = queryOptions({
  queryKey: ['health'] as const,
  queryFn: ({ signal }) => fetchHealth(signal),
  refetchInterval: HEALTH_POLL_MS,
  retry: false,
});
