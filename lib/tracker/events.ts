import 'server-only';
/**
 * The in-process bus the tracker publishes ChangeEvents on and /api/events subscribes to. A
 * listener that throws is dropped from that delivery only; it cannot stop the others.
 */
import type { ChangeEvent } from '@/lib/domain/job';
import { processSingleton } from '@/lib/runtime/process-singleton';

export type ChangeListener = (event: ChangeEvent) => void;

export interface EventBus {
  publish(event: ChangeEvent): void;
  /** Returns the unsubscribe function; call it when the listener goes away. */
  subscribe(listener: ChangeListener): () => void;
  listenerCount(): number;
}

export function createEventBus(): EventBus {
  const listeners = new Set<ChangeListener>();
  return {
    publish(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          console.error('[flurry] a change listener failed:', error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    listenerCount: () => listeners.size,
  };
}

/** The server's bus, one per process so the tracker and the route handlers share it. */
export function sharedEventBus(): EventBus {
  return processSingleton('eventBus', createEventBus);
}
