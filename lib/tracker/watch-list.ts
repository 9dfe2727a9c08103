/**
 * The jobs one poller follows, by id, with the bookkeeping both pollers share: when the next poll
 * is due, polling some at once, making everything due again when an outage ends, and taking in
 * the changes the registry recorded (a job that ended is let go).
 */
import type { Job } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';

/** What a poller keeps of every job it follows. */
export interface Watched {
  jobId: string;
  queryId: string;
  rawStatus: string;
  /** When its status last changed. */
  changedAt: number;
  nextPollAt: number;
  /** Polls in a row that could not read its status: it backs off meanwhile. */
  failures: number;
}

export class WatchList<T extends Watched> {
  private readonly byId = new Map<string, T>();

  get size(): number {
    return this.byId.size;
  }

  has(jobId: string): boolean {
    return this.byId.has(jobId);
  }

  add(watched: T): void {
    this.byId.set(watched.jobId, watched);
  }

  all(): T[] {
    return [...this.byId.values()];
  }

  /** When the earliest poll is due; Infinity when nothing is followed. */
  dueAt(): number {
    let due = Infinity;
    for (const watched of this.byId.values()) due = Math.min(due, watched.nextPollAt);
    return due;
  }

  /** Polls these jobs at the next opportunity (e.g. right after asking to cancel them). */
  pollSoon(jobIds: readonly string[]): void {
    for (const id of jobIds) {
      const watched = this.byId.get(id);
      if (watched) watched.nextPollAt = 0;
    }
  }

  /** The warehouse answers again: whatever was backing off is due at `now`, its failures forgotten. */
  resume(now: number): void {
    for (const watched of this.byId.values()) {
      watched.failures = 0;
      watched.nextPollAt = Math.min(watched.nextPollAt, now);
    }
  }

  /**
   * Takes in the jobs the registry changed: each followed one keeps its new raw status, and those
   * that ended are let go and returned with what was kept of them.
   */
  settle(changed: readonly Job[]): { job: Job; watched: T }[] {
    const ended: { job: Job; watched: T }[] = [];
    for (const job of changed) {
      const watched = this.byId.get(job.id);
      if (!watched) continue;
      watched.rawStatus = job.rawStatus;
      if (!isTerminal(job.phase)) continue;
      this.byId.delete(job.id);
      ended.push({ job, watched });
    }
    return ended;
  }
}
