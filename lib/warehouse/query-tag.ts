/**
 * The QUERY_TAG texts Flurry writes on its statements, so its work can be found again in the
 * warehouse's own history and told apart from other clients' there
 * (https://docs.snowflake.com/en/sql-reference/parameters#query-tag).
 */

/** What a launched statement's QUERY_TAG names. */
export interface QueryTag {
  batchId: string;
  jobId: string;
}

/**
 * How every QUERY_TAG Flurry writes begins: its launches' and its own reads' alike, so a reader
 * of the history tells Flurry's statements from other clients' by it.
 */
export const FLURRY_TAG_PREFIX = '{"app":"flurry",';

/** The tag of a launched statement. */
export function queryTagText(tag: QueryTag): string {
  return JSON.stringify({ app: 'flurry', batch: tag.batchId, job: tag.jobId });
}

/** The tag of Flurry's own bookkeeping statements (history reads, SHOW, cancels, identity). */
export const INTERNAL_QUERY_TAG = JSON.stringify({ app: 'flurry', internal: true });

/** The tag of the task statements Flurry runs for its user (create, run, suspend …). */
export const TASK_ACTION_TAG = JSON.stringify({ app: 'flurry', action: 'tasks' });
