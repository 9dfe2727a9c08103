/** How many jobs one listing returns: by default, and at most. */
export const DEFAULT_JOB_LIMIT = 200;
export const MAX_JOB_LIMIT = 1_000;
