/**
 * How long the tracker waits before asking the warehouse about a query again, by the query's age.
 * Most launches are short, and the dashboard promises to show a query's end within 300 ms at p95,
 * so young queries are polled often. A query that has already run for minutes will likely run for
 * minutes more, so polling it as often would only load the warehouse's monitoring API.
 */

/** [age in ms, delay in ms] points; the delay is linear between them and flat past the last. */
const SCHEDULE: readonly (readonly [number, number])[] = [
  [0, 150],
  [10_000, 150],
  [60_000, 1_000],
  [600_000, 5_000],
];

export const MIN_POLL_DELAY_MS = SCHEDULE[0][1];
export const MAX_POLL_DELAY_MS = SCHEDULE[SCHEDULE.length - 1][1];

/**
 * A statement that the next one in a sequence waits for is read this many times as often: the
 * time between its end and the tracker noticing is added to the sequence's makespan, once per
 * step (the monitoring API it reads costs no warehouse time).
 */
const HAND_OFF_SPEED_UP = 3;

/** Delay before the next status read of a query submitted `ageMs` ago. */
export function pollDelay(ageMs: number, handsOff = false): number {
  if (handsOff) return Math.round(pollDelay(ageMs) / HAND_OFF_SPEED_UP);
  const age = Math.max(0, ageMs);
  for (let i = 1; i < SCHEDULE.length; i++) {
    const [toAge, toDelay] = SCHEDULE[i];
    if (age <= toAge) {
      const [fromAge, fromDelay] = SCHEDULE[i - 1];
      return Math.round(fromDelay + ((toDelay - fromDelay) * (age - fromAge)) / (toAge - fromAge));
    }
  }
  return MAX_POLL_DELAY_MS;
}

/**
 * Delay before retrying after the warehouse failed to answer `failures` times in a row: doubling
 * from one second, capped so the tracker notices a recovery within half a minute.
 */
export function backoffDelay(failures: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1));
}
