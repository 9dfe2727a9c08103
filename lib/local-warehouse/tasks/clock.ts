/**
 * The scheduler's clock. Every time the task engine reads or waits for goes through it, so tests
 * replace it with a ManualClock (test/manual-clock.ts) and run a daylight-saving day or a week of
 * runs in seconds, deterministically.
 */

export interface SchedulerClock {
  now(): number;
  /** Calls `fn` once the clock reaches `at` (epoch ms); the returned function cancels it. */
  at(at: number, fn: () => void): () => void;
}

/** setTimeout's longest delay; longer waits re-arm. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export const systemClock: SchedulerClock = {
  now: Date.now,
  at(at, fn) {
    let timer: NodeJS.Timeout;
    const arm = () => {
      const delay = at - Date.now();
      timer = setTimeout(delay > MAX_DELAY_MS ? arm : fn, Math.max(0, Math.min(delay, MAX_DELAY_MS)));
      timer.unref();
    };
    arm();
    return () => clearTimeout(timer);
  },
};
