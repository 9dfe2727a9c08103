/**
 * Shared clocks for everything live on the page (durations, growing Timeline bars): one timer
 * per tick interval, not one per row. A clock runs only while some component asks for ticks.
 */
import { useCallback, useSyncExternalStore } from 'react';

const DEFAULT_TICK_MS = 1_000;

interface Clock {
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval>;
}

const clocks = new Map<number, Clock>();
let now = Date.now();

function subscribeTo(intervalMs: number, listener: () => void): () => void {
  let clock = clocks.get(intervalMs);
  if (!clock) {
    now = Date.now();
    const listeners = new Set<() => void>();
    const timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, intervalMs);
    clock = { listeners, timer };
    clocks.set(intervalMs, clock);
  }
  clock.listeners.add(listener);
  return () => {
    const current = clocks.get(intervalMs);
    if (!current) return;
    current.listeners.delete(listener);
    if (current.listeners.size === 0) {
      clearInterval(current.timer);
      clocks.delete(intervalMs);
    }
  };
}

const subscribeNever = () => () => {};
const snapshot = () => now;
const serverSnapshot = () => 0;

/**
 * The current time, re-rendering every `intervalMs` while `ticking`. Without ticks it is the
 * clock's last reading: good enough to tell "today" from another day.
 */
export function useNow(ticking: boolean, intervalMs = DEFAULT_TICK_MS): number {
  const subscribe = useCallback((listener: () => void) => subscribeTo(intervalMs, listener), [intervalMs]);
  return useSyncExternalStore(ticking ? subscribe : subscribeNever, snapshot, serverSnapshot);
}
