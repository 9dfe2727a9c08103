import 'server-only';
/**
 * Failed sign-ins in the audit log, bounded: per client address and window, the first is logged
 * on its own and the rest as one entry with their count when the window ends (failure-tally.ts).
 * Before, every wrong token was an entry with a name and an address the caller chose, and a
 * stranger could write a few hundred a minute.
 */
import { FAILURE_WINDOW_MS } from '@/lib/auth/token-check';
import type { AuditRecord } from '@/lib/domain/audit';
import { createFailureTally, talliedName, type FailureSummary } from './failure-tally';
import { recordAudit } from '.';
import { processSingleton } from '@/lib/runtime/process-singleton';

/** Addresses per window whose first failure gets an entry of its own; the rest are summed together. */
export const MAX_ADDRESSES_LOGGED = 10;

export interface FailedSignIn {
  name: string;
  address: string | null;
  /** What the caller was told. */
  error: string;
}

export interface FailedSignInLog {
  record(attempt: FailedSignIn): Promise<void>;
  /** Writes the summaries of the windows that have ended (a timer does it too, at each window's end). */
  flush(): Promise<void>;
}

export interface FailedSignInLogOptions {
  write: (record: AuditRecord) => Promise<void>;
  now?: () => number;
  windowMs?: number;
  maxAddresses?: number;
}

// A wrong token grants nothing; such entries are logged with the least access, read-only.
const ENTRY = { access: 'read-only', action: 'sign-in', target: 'dashboard', outcome: 'refused' } as const;

const counted = (count: number, one: string, many: string) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** E.g. `11 more failed sign-ins from 10.0.0.5 between … and …; names given: "a", "b".` */
export function describeFailures(summary: FailureSummary): string {
  const what = summary.folded
    ? `${counted(summary.count, 'failed sign-in', 'failed sign-ins')} from ${counted(summary.addresses, 'other address', 'other addresses')}`
    : `${counted(summary.count, 'more failed sign-in', 'more failed sign-ins')} from ${summary.address ?? 'an unknown address'}`;
  const between = `between ${new Date(summary.firstAt).toISOString()} and ${new Date(summary.lastAt).toISOString()}`;
  const names = summary.names.map((name) => JSON.stringify(name)).join(', ');
  const others = summary.otherNames > 0 ? ` and ${counted(summary.otherNames, 'other', 'others')}` : '';
  return `${what} ${between}; names given: ${names}${others}.`;
}

export function createFailedSignInLog({
  write,
  now = Date.now,
  windowMs = FAILURE_WINDOW_MS,
  maxAddresses = MAX_ADDRESSES_LOGGED,
}: FailedSignInLogOptions): FailedSignInLog {
  const tally = createFailureTally({ windowMs, maxAddresses });
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = async () => {
    for (const summary of tally.closed(now())) {
      await write({ ...ENTRY, actor: summary.names[0] ?? 'unnamed', address: summary.address, detail: describeFailures(summary), error: summary.error });
    }
  };

  const schedule = () => {
    const closeAt = tally.nextCloseAt();
    if (timer !== null || closeAt === null) return;
    timer = setTimeout(() => {
      timer = null;
      void flush().then(schedule);
    }, Math.max(0, closeAt - now()));
    // A count waiting for its window's end does not keep the process up.
    timer.unref?.();
  };

  return {
    async record({ name, address, error }) {
      await flush();
      if (tally.record({ name, address, error, at: now() })) {
        await write({ ...ENTRY, actor: talliedName(name), address, detail: null, error });
      }
      schedule();
    },
    flush,
  };
}

/** The process's one log of failed sign-ins, writing to the audit log (one tally across Next's module graphs). */
export function sharedFailedSignInLog(): FailedSignInLog {
  return processSingleton('failedSignInLog', () => createFailedSignInLog({ write: recordAudit }));
}
