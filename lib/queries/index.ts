/**
 * The one place that names the dashboard's cached reads: keys and options together, so a page,
 * the change-event stream and an action's follow-up all agree on what to read and to invalidate.
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AuditFilter, AuditPage } from '@/lib/domain/audit';
import type { Batch, ComputePool, JobDetail, JobFilter, JobList, ResultPage, ServiceContainer, ServiceLog, TimelineData, TimelineFilter } from '@/lib/domain/job';
import { fetchHealth, fetchJson } from './fetch-json';
import type { TaskFormContext, TaskListData, TaskRunsData } from '@/lib/domain/tasks/task-data';
import { encodeJobFilter, normalizeJobFilter } from '@/lib/domain/job-filter-codec';
import { ACTIVE_POLL_MS, IDLE_LIST_POLL_MS, detailRefetchInterval, listRefetchInterval, taskRunsRefetchInterval } from './refetch-interval';

const HEALTH_POLL_MS = 15_000;
/** Audit entries come with no change event (a task saved, a sign-in), so the log is polled. */
const AUDIT_POLL_MS = 5_000;

export const jobKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobKeys.all, 'list'] as const,
  list: (filter: JobFilter) => [...jobKeys.lists(), normalizeJobFilter(filter)] as const,
  timelines: () => [...jobKeys.all, 'timeline'] as const,
  timeline: (filter: TimelineFilter) => [...jobKeys.timelines(), normalizeJobFilter(filter)] as const,
  details: () => [...jobKeys.all, 'detail'] as const,
  detail: (id: string) => [...jobKeys.details(), id] as const,
  result: (id: string) => [...jobKeys.all, 'result', id] as const,
  containers: (id: string) => [...jobKeys.all, 'containers', id] as const,
  containersOf: (id: string, ended: boolean) => [...jobKeys.containers(id), { ended }] as const,
  logs: (id: string) => [...jobKeys.all, 'logs', id] as const,
  log: (id: string, log: LogTail) => [...jobKeys.logs(id), log] as const,
};

/** Which log tail a detail page follows; `ended` is part of the key so the end reads once more. */
export interface LogTail {
  instanceId: string;
  containerName: string;
  lines: number;
  ended: boolean;
}

const COMPUTE_POOLS_STALE_MS = 30_000;

function jobPath(id: string, suffix = ''): string {
  return `/api/jobs/${encodeURIComponent(id)}${suffix}`;
}

export const jobQueries = {
  list: (filter: JobFilter) =>
    queryOptions({
      queryKey: jobKeys.list(filter),
      queryFn: ({ signal }) => {
        const params = encodeJobFilter(filter).toString();
        return fetchJson<JobList>(params ? `/api/jobs?${params}` : '/api/jobs', signal);
      },
      refetchInterval: (query) => listRefetchInterval(query.state.data?.jobs),
      // Filtering should not blank the table while the new answer loads.
      placeholderData: (previous) => previous,
    }),
  /** Bars for the Timeline: up to 20,000 jobs, so a change refetches it at most once at a time. */
  timeline: (filter: TimelineFilter) =>
    queryOptions({
      queryKey: jobKeys.timeline(filter),
      queryFn: ({ signal }) => {
        const params = encodeJobFilter(filter).toString();
        return fetchJson<TimelineData>(params ? `/api/timeline?${params}` : '/api/timeline', signal);
      },
      refetchInterval: (query) => listRefetchInterval(query.state.data?.entries),
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
  /**
   * A job service's containers: followed while it runs, then read once more under a new key
   * when it ends (the last answer from while it ran may predate the end), and kept.
   */
  containers: (id: string, ended: boolean) =>
    queryOptions({
      queryKey: jobKeys.containersOf(id, ended),
      queryFn: ({ signal }) => fetchJson<ServiceContainer[]>(jobPath(id, '/containers'), signal),
      refetchInterval: ended ? false : ACTIVE_POLL_MS,
      staleTime: ended ? Infinity : 0,
      placeholderData: (previous) => previous,
    }),
  /** The tail of one container's log: followed while the job runs, then fixed. */
  log: (id: string, tail: LogTail) =>
    queryOptions({
      queryKey: jobKeys.log(id, tail),
      queryFn: ({ signal }) => {
        const params = new URLSearchParams({ instance: tail.instanceId, container: tail.containerName, lines: String(tail.lines) });
        return fetchJson<ServiceLog>(jobPath(id, `/logs?${params}`), signal);
      },
      refetchInterval: tail.ended ? false : ACTIVE_POLL_MS,
      staleTime: tail.ended ? Infinity : 0,
      placeholderData: (previous) => previous,
    }),
};

export const computePoolsQuery = queryOptions({
  queryKey: ['compute-pools'] as const,
  queryFn: ({ signal }) => fetchJson<ComputePool[]>('/api/compute-pools', signal),
  staleTime: COMPUTE_POOLS_STALE_MS,
});

/** The latest batches, for pickers; a launch adds one, so it follows the job events' lists. */
export const batchesQuery = queryOptions({
  queryKey: [...jobKeys.lists(), 'batches'] as const,
  queryFn: ({ signal }) => fetchJson<{ batches: Batch[] }>('/api/batches', signal),
  select: (data) => data.batches,
  refetchInterval: IDLE_LIST_POLL_MS,
});

export const taskKeys = {
  all: ['tasks'] as const,
  structure: () => [...taskKeys.all, 'structure'] as const,
  runs: (rootTaskId: string | null) => [...taskKeys.all, 'runs', rootTaskId ?? '*'] as const,
};

export const taskQueries = {
  /** The graphs' structure: read on demand and after an action changes it, never polled. */
  structure: () =>
    queryOptions({
      queryKey: taskKeys.structure(),
      queryFn: ({ signal }) => fetchJson<TaskListData>('/api/tasks', signal),
      staleTime: Infinity,
    }),
  /** Runs of one root (or all): the status patched into the structure, polled as runs demand. */
  runs: (rootTaskId: string | null) =>
    queryOptions({
      queryKey: taskKeys.runs(rootTaskId),
      queryFn: ({ signal }) =>
        fetchJson<TaskRunsData>(rootTaskId === null ? '/api/tasks/runs' : `/api/tasks/runs?root=${encodeURIComponent(rootTaskId)}`, signal),
      refetchInterval: (query) => taskRunsRefetchInterval(query.state.data, Date.now()),
      placeholderData: (previous) => previous,
    }),
  formContext: () =>
    queryOptions({
      queryKey: [...taskKeys.all, 'form-context'] as const,
      queryFn: ({ signal }) => fetchJson<TaskFormContext>('/api/tasks/form-context', signal),
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

/** What the Audit page filters by; pages are read with `before`, at the store's default size. */
export type AuditListFilter = Pick<AuditFilter, 'action' | 'outcome' | 'actor'>;

function auditSearchParams({ action, outcome, actor }: AuditListFilter, before: number | undefined): URLSearchParams {
  const params = new URLSearchParams();
  if (action) params.set('action', action);
  if (outcome) params.set('outcome', outcome);
  const name = actor?.trim();
  if (name) params.set('actor', name);
  if (before !== undefined) params.set('before', String(before));
  return params;
}

const auditKeys = {
  all: ['audit'] as const,
  list: (filter: AuditListFilter) => [...auditKeys.all, 'list', auditSearchParams(filter, undefined).toString()] as const,
};

export const auditQueries = {
  /**
   * The log newest first, a page at a time: "Load older" asks for entries before the last one
   * shown. A refetch reads every loaded page again from the newest, so new entries push older
   * ones down a page rather than leaving a gap.
   */
  list: (filter: AuditListFilter) =>
    infiniteQueryOptions({
      queryKey: auditKeys.list(filter),
      queryFn: ({ pageParam, signal }) => fetchJson<AuditPage>(`/api/audit?${auditSearchParams(filter, pageParam)}`, signal),
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (last) => (last.more ? last.entries.at(-1)?.id : undefined),
      refetchInterval: AUDIT_POLL_MS,
      placeholderData: (previous) => previous,
    }),
};
