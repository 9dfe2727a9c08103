import 'server-only';
/**
 * The server process's tally of Flurry's own statements today (lib/domain/own-statements.ts),
 * on globalThis so every Next.js bundle adds to and reads the same one. Kept in memory only: a
 * restarted dashboard counts from zero, which the health badge's "today" allows for.
 */
import { addStatement, emptyTally, tallyAt, type OwnStatementsTally } from '@/lib/domain/own-statements';

const KEY = Symbol.for('flurry.ownStatements');
type Holder = { [KEY]?: OwnStatementsTally };

/** Counts one of Flurry's own statements that just ended after `elapsedMs`. */
export function recordOwnStatement(elapsedMs: number, endedAt = Date.now()): void {
  const holder = globalThis as Holder;
  holder[KEY] = addStatement(holder[KEY] ?? emptyTally(endedAt), elapsedMs, endedAt);
}

/** Today's (UTC) tally as of `now`. */
export function ownStatementsToday(now = Date.now()): OwnStatementsTally {
  return tallyAt((globalThis as Holder)[KEY] ?? emptyTally(now), now);
}
