/** How many jobs one listing returns: by default, and at most. */
export const DEFAULT_JOB_LIMIT = 200;
export const MAX_JOB_LIMIT = 1_000;

/** How many jobs the Timeline draws at most: the latest ones (it stays smooth at this many). */
export const MAX_TIMELINE_JOBS = 20_000;
/** How much of a statement names its bar. */
export const TIMELINE_TITLE_CHARS = 120;
