/**
 * One shared one-second clock for every live duration on the page, instead of a timer per row.
 * It runs only while some component asks for ticks.
 */
import { useSyncExternalStore } from 'react';

const TICK_MS = 1_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const subscribeNever = () => () => {};
const snapshot = () => now;
const serverSnapshot = () => 0;

/**
 * The current time, re-rendering every second while `ticking`. Without ticks it is the clock's
 * last reading: good enough to tell "today" from another day.
 */
export function useNow(ticking: boolean): number {
  return useSyncExternalStore(ticking ? subscribe : subscribeNever, snapshot, serverSnapshot);
}
