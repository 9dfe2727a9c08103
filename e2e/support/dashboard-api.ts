/**
 * Reads a dashboard's JSON API from a test, as the pages read it, and polls it until a
 * condition holds (web-first waits: no sleeps that assert time).
 */
import { expect } from '@playwright/test';
import type { Job, JobDetail, JobList } from '../../lib/domain/job';

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every job of a batch, in statement order (the API lists up to 1,000). */
export async function batchJobs(dashboardUrl: string, batchId: string): Promise<Job[]> {
  const { jobs } = await getJson<JobList>(`${dashboardUrl}/api/jobs?batch=${batchId}&limit=1000`);
  return jobs.sort((a, b) => a.position - b.position);
}

export function jobDetail(dashboardUrl: string, jobId: string): Promise<JobDetail> {
  return getJson<JobDetail>(`${dashboardUrl}/api/jobs/${jobId}`);
}

/** Polls the batch until every job satisfies `done`; returns them. */
export async function batchJobsWhen(
  dashboardUrl: string,
  batchId: string,
  done: (job: Job) => boolean,
  what: string,
  timeout: number,
): Promise<Job[]> {
  let jobs: Job[] = [];
  await expect
    .poll(
      async () => {
        jobs = await batchJobs(dashboardUrl, batchId);
        const waiting = jobs.filter((job) => !done(job));
        return waiting.length === 0 && jobs.length > 0 ? 'all' : `${waiting.length} of ${jobs.length} not yet: ${[...new Set(waiting.map((job) => job.rawStatus))].join(', ')}`;
      },
      { message: `every job of the batch ${what}`, timeout, intervals: [500] },
    )
    .toBe('all');
  return jobs;
}
