/**
 * What the tracker's parts need from outside, as narrow as they use it: the registry methods it
 * calls (the store), the warehouse calls it makes, and a clock. Production passes the real
 * registry, warehouse calls and the system clock (./system-clock.ts); each part's tests pass
 * small in-memory fakes and a clock that moves only when told (./tracker-fakes.ts).
 */
import type { Job, ServiceContainer } from '@/lib/domain/job';
import type { Registry } from '@/lib/registry/registry';
import type { WarehouseCalls } from '@/lib/warehouse/calls';

/** The registry methods the tracker calls, and no others. */
export type TrackerStore = Pick<
  Registry,
  | 'listActiveJobs'
  | 'listUnreconciled'
  | 'batchJobs'
  | 'getJobs'
  | 'recordSubmissions'
  | 'recordStatusChanges'
  | 'recordServiceNames'
  | 'applyWarehouseTimes'
  | 'importExternalQueries'
>;

/** The warehouse calls the tracker makes, and no others. */
export type TrackerWarehouse = Pick<
  WarehouseCalls,
  | 'submitQueries'
  | 'cancelQuery'
  | 'queryStatuses'
  | 'showJobServices'
  | 'jobServicesOfQueries'
  | 'serviceContainers'
  | 'queryTimes'
  | 'externalQueries'
  | 'ping'
>;

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fn` once, `delayMs` from now; the returned function cancels it. */
  after(delayMs: number, fn: () => void): () => void;
}

/** Puts changed jobs on the event bus. */
export type PublishJobs = (jobs: readonly Job[]) => void;

/** Where every part reports whether the warehouse answered it (./outage.ts). */
export interface Health {
  /** `outage` is why the warehouse did not answer; null when it did. */
  note(outage: Error | null): void;
}

/** A part that backs off while the warehouse does not answer, and resumes when it does. */
export interface BacksOff {
  /** Makes everything backing off due at `now`, with its failure count reset. */
  resume(now: number): void;
}

/** One of the loop's parts: it says when it next has work, and does it when asked. */
export interface LoopPart {
  /** When it next has work (epoch ms); Infinity when none, or while its work is in flight. */
  dueAt(): number;
  run(now: number): Promise<unknown>;
}

/** A job a poller saw end, with the containers it read of it (job services that failed), if any. */
export interface EndedJob {
  job: Job;
  containers: ServiceContainer[] | null;
}
