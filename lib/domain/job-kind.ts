/**
 * The two kinds of work Flurry launches and watches: an async query, and a Snowpark Container
 * Services job service. Its own module because the status model (status.ts) depends on it and
 * the job shapes (job.ts) on the status model.
 */
export const JOB_KINDS = ['query', 'job_service'] as const;
export type JobKind = (typeof JOB_KINDS)[number];
