import 'server-only';
/**
 * The server process's tally of Flurry's own statements today (lib/domain/own-statements.ts),
 * one per process so every Next.js bundle adds to and reads the same one. Kept in memory only: a
 * restarted dashboard counts from zero, which the health badge's "today" allows for.
 */
import { addStatement, emptyTally, tallyAt, type OwnStatementsTally } from '@/lib/domain/own-statements';
import { processSingleton } from '@/lib/runtime/process-singleton';

/** Counts one of Flurry's own statements that just ended after `elapsedMs`. */
export function recordOwnStatement(elapsedMs: number, endedAt = Date.now()): void {
  const holder = ownTally();
  holder.tally = addStatement(holder.tally ?? emptyTally(endedAt), elapsedMs, endedAt);
}

/** Today's (UTC) tally as of `now`. */
export function ownStatementsToday(now = Date.now()): OwnStatementsTally {
  return tallyAt(ownTally().tally ?? emptyTally(now), now);
}

function ownTally(): { tally: OwnStatementsTally | null } {
  return processSingleton('ownStatements', () => ({ tally: null }));
}
