import 'server-only';
/**
 * The tracker's clock in production: Date.now and setTimeout, both looked up on each call so a
 * test that fakes the global timers (idle-account.test.ts) moves the loop with them.
 */
import type { Clock } from './ports';

export const systemClock: Clock = {
  now: () => Date.now(),
  after(delayMs, fn) {
    const timer = setTimeout(fn, delayMs);
    // The loop alone should never keep a process (a test, a script) alive.
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};
