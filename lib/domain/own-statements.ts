/**
 * The tally of Flurry's own statements for one UTC day: how many the dashboard ran for its own
 * bookkeeping (history reads, SHOW, identity, cancels: everything under its internal QUERY_TAG,
 * never the work a user launched) and how long they took. On a Snowflake account that is the
 * time those statements held a warehouse, which is what the health badge reports. Pure: the
 * caller passes the clock's reading, so a test can cross midnight without waiting for it.
 */

export interface OwnStatementsTally {
  /** The UTC day counted, as YYYY-MM-DD. */
  day: string;
  statements: number;
  /** Sum of each statement's elapsed time, from sending it to its answer. */
  elapsedMs: number;
}

/** The UTC calendar day of an instant, as YYYY-MM-DD. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export function emptyTally(now: number): OwnStatementsTally {
  return { day: utcDay(now), statements: 0, elapsedMs: 0 };
}

/** The tally as it stands at `now`: a tally of an earlier day reads as today's empty one. */
export function tallyAt(tally: OwnStatementsTally, now: number): OwnStatementsTally {
  return tally.day === utcDay(now) ? tally : emptyTally(now);
}

/**
 * Counts one statement that ended at `endedAt` after `elapsedMs`, on the day it ended (a
 * statement running across midnight counts whole for the new day). Negative or non-finite
 * elapsed times (a clock set back) count as zero.
 */
export function addStatement(tally: OwnStatementsTally, elapsedMs: number, endedAt: number): OwnStatementsTally {
  const current = tallyAt(tally, endedAt);
  const elapsed = Number.isFinite(elapsedMs) ? Math.max(0, elapsedMs) : 0;
  return { day: current.day, statements: current.statements + 1, elapsedMs: current.elapsedMs + elapsed };
}
