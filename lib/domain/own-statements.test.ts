import { describe, expect, it } from 'vitest';
import { addStatement, emptyTally, tallyAt, utcDay } from './own-statements';

/** A fake clock: instants named by their UTC time, advanced by hand. */
const at = (iso: string) => Date.parse(iso);

describe("the tally of Flurry's own statements", () => {
  it('adds each statement’s elapsed time within a UTC day', () => {
    let tally = emptyTally(at('2026-11-21T08:00:00Z'));
    tally = addStatement(tally, 120, at('2026-11-21T08:00:10Z'));
    tally = addStatement(tally, 480, at('2026-11-21T23:59:59.999Z'));
    expect(tally).toEqual({ day: '2026-11-21', statements: 2, elapsedMs: 600 });
    expect(tallyAt(tally, at('2026-11-21T23:59:59.999Z'))).toBe(tally);
  });

  it('starts again at midnight UTC, whatever the local zone', () => {
    const late = addStatement(emptyTally(at('2026-11-21T20:00:00Z')), 900, at('2026-11-21T23:59:00Z'));
    // Read just after midnight UTC, before any new statement: today's tally is empty.
    expect(tallyAt(late, at('2026-11-22T00:00:00Z'))).toEqual({ day: '2026-11-22', statements: 0, elapsedMs: 0 });
    // A statement that ends after midnight counts for the new day only.
    expect(addStatement(late, 250, at('2026-11-22T00:00:01Z'))).toEqual({ day: '2026-11-22', statements: 1, elapsedMs: 250 });
    // 23:30 in New York on the 21st is already the 22nd in UTC.
    expect(utcDay(at('2026-11-21T23:30:00-05:00'))).toBe('2026-11-22');
  });

  it('counts a negative or unknown elapsed time as zero', () => {
    const now = at('2026-11-21T12:00:00Z');
    let tally = addStatement(emptyTally(now), -40, now);
    tally = addStatement(tally, Number.NaN, now);
    expect(tally).toEqual({ day: '2026-11-21', statements: 2, elapsedMs: 0 });
  });
});
