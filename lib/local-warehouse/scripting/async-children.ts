/**
 * The child queries a block starts, and the rules Snowflake sets for its asynchronous ones:
 * `ASYNC (…)` starts a child without waiting; AWAIT ALL waits for every async child started
 * before it, AWAIT rs for one, and either fails with the (first) failing child's error; CANCEL
 * cancels one; and since "fire and forget" is not supported, whatever is still running when the
 * block ends is cancelled. Each child's status is tracked here for SYSTEM$GET_RESULTSET_STATUS.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/asynchronous-child-jobs
 * https://docs.snowflake.com/en/sql-reference/snowflake-scripting/await
 */
import type { Position } from '@/lib/domain/scripting/ast';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { ChildOutcome, ChildQuery, ScriptHost } from './host';
import { ScriptAborted } from './script-errors';

/** SYSTEM$GET_RESULTSET_STATUS's values for what the host reports. */
export type ChildStatus = 'RUNNING' | 'ABORTING' | 'SUCCESS' | 'FAILED_WITH_ERROR' | 'ABORTED';

export interface TrackedChild {
  queryId: string;
  sql: string;
  /** The statement that started it, for the error its failure reports. */
  at: Position;
  async: boolean;
  status: ChildStatus;
  /** Set when it ends; `ended` resolves at the same moment. */
  outcome: ChildOutcome | null;
  ended: Promise<ChildOutcome>;
  /** An AWAIT (of it, or AWAIT ALL) has returned for it: its results may be read. */
  awaited: boolean;
  /** Order of ending, so AWAIT ALL reports the child that failed first. */
  endOrder: number;
}

/** Resolves as `promise` does, or rejects with ScriptAborted as soon as the signal aborts. */
export function unlessAborted<T>(signal: AbortSignal, promise: Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(new ScriptAborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ScriptAborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export class Children {
  private readonly started: TrackedChild[] = [];
  private ends = 0;

  constructor(private readonly host: ScriptHost) {}

  /** Starts `sql` as a child; throws the host's SnowflakeQueryError when it refuses (the 4,000 limit). */
  start(sql: string, at: Position, async: boolean): TrackedChild {
    const query: ChildQuery = this.host.start(sql);
    const ended = query.ended.catch((error: unknown): ChildOutcome => {
      const failure = error instanceof SnowflakeQueryError ? error.snowflake : snowflakeErrors.execution(String(error));
      return { status: 'FAILED_WITH_ERROR', queryId: query.queryId, error: failure };
    });
    const child: TrackedChild = { queryId: query.queryId, sql, at, async, status: 'RUNNING', outcome: null, ended, awaited: false, endOrder: 0 };
    child.ended = ended.then((outcome) => {
      child.status = outcome.status;
      child.outcome = outcome;
      this.ends += 1;
      child.endOrder = this.ends;
      return outcome;
    });
    this.started.push(child);
    return child;
  }

  /** Waits for one child to end (AWAIT rs, or a statement run synchronously). */
  async wait(child: TrackedChild): Promise<ChildOutcome> {
    const outcome = await unlessAborted(this.host.signal, child.ended);
    child.awaited = true;
    return outcome;
  }

  /** AWAIT ALL: waits for every async child started so far; the child that failed first, or null. */
  async waitAll(): Promise<TrackedChild | null> {
    const waiting = this.started.filter((child) => child.async && !child.awaited);
    await unlessAborted(this.host.signal, Promise.all(waiting.map((child) => child.ended)));
    for (const child of waiting) child.awaited = true;
    const failed = waiting.filter((child) => child.status === 'FAILED_WITH_ERROR').sort((a, b) => a.endOrder - b.endOrder);
    return failed[0] ?? null;
  }

  /** CANCEL rs: cancels the child if it is still running (ABORTING until it has ended); one that ended stays as it ended. */
  cancel(child: TrackedChild): void {
    if (child.status !== 'RUNNING') return;
    child.status = 'ABORTING';
    this.host.cancel(child.queryId);
  }

  /** Cancels every child still running: the block has ended, or was cancelled. */
  cancelRunning(): void {
    for (const child of this.started) this.cancel(child);
  }
}
