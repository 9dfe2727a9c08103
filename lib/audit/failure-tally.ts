/**
 * Counts failed sign-ins per client address in fixed windows, so that strangers cannot fill the
 * audit log: the first failure from an address in a window is logged on its own (a mistyped
 * token shows at once, with its name), the rest are summed into one entry when the window ends.
 * Both the address (X-Forwarded-For) and the name are the caller's to choose, so the addresses
 * tracked per window are bounded too: past `maxAddresses`, failures from new addresses are summed
 * together. No I/O and no clock of its own: the caller says when.
 */

export interface FailedAttempt {
  address: string | null;
  /** The name the caller gave. */
  name: string;
  /** What they were told. */
  error: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface FailureSummary {
  /** Null when the request did not say, or when `folded`. */
  address: string | null;
  /** The failures from addresses past the per-window bound, summed together. */
  folded: boolean;
  /** How many addresses the summary covers (1 unless `folded`). */
  addresses: number;
  /** Failures not logged on their own. */
  count: number;
  firstAt: number;
  lastAt: number;
  /** The first few distinct names given, each cut to MAX_TALLIED_NAME_LENGTH. */
  names: string[];
  /** How many more distinct names were given. */
  otherNames: number;
  /** What the last of them was told. */
  error: string;
}

export interface FailureTallyOptions {
  windowMs: number;
  /** Addresses whose first failure in a window is logged on its own. */
  maxAddresses: number;
}

export interface FailureTally {
  /** Counts `attempt`; true when it is to be logged on its own now. */
  record(attempt: FailedAttempt): boolean;
  /** The summaries of the windows that ended by `now`, each returned once. */
  closed(now: number): FailureSummary[];
  /** When the window being counted ends, or null when nothing is waiting to be summed. */
  nextCloseAt(): number | null;
}

export const MAX_TALLIED_NAMES = 5;
export const MAX_TALLIED_NAME_LENGTH = 40;
/** Distinct addresses counted in the summed-together summary; past it the count says "at least". */
const MAX_COUNTED_ADDRESSES = 10_000;

/** A name the caller chose, cut to `MAX_TALLIED_NAME_LENGTH` characters without splitting a surrogate pair. */
export function talliedName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= MAX_TALLIED_NAME_LENGTH ? name : `${chars.slice(0, MAX_TALLIED_NAME_LENGTH - 1).join('')}…`;
}

interface Pending {
  count: number;
  firstAt: number;
  lastAt: number;
  names: Set<string>;
  otherNames: Set<string>;
  addresses: Set<string>;
  error: string;
}

export function createFailureTally({ windowMs, maxAddresses }: FailureTallyOptions): FailureTally {
  let windowStart = -Infinity;
  /** Addresses seen this window, with what was not logged on its own. */
  let seen = new Map<string, Pending | null>();
  let overflow: Pending | null = null;
  let ready: FailureSummary[] = [];

  const newPending = (attempt: FailedAttempt): Pending => ({
    count: 0,
    firstAt: attempt.at,
    lastAt: attempt.at,
    names: new Set(),
    otherNames: new Set(),
    addresses: new Set(),
    error: attempt.error,
  });

  const add = (pending: Pending, attempt: FailedAttempt) => {
    pending.count += 1;
    pending.lastAt = attempt.at;
    pending.error = attempt.error;
    const name = talliedName(attempt.name);
    if (!pending.names.has(name)) {
      if (pending.names.size < MAX_TALLIED_NAMES) pending.names.add(name);
      else if (pending.otherNames.size < MAX_COUNTED_ADDRESSES) pending.otherNames.add(name);
    }
    if (pending.addresses.size < MAX_COUNTED_ADDRESSES) pending.addresses.add(attempt.address ?? 'unknown');
  };

  const summary = (address: string | null, folded: boolean, pending: Pending): FailureSummary => ({
    address,
    folded,
    addresses: pending.addresses.size,
    count: pending.count,
    firstAt: pending.firstAt,
    lastAt: pending.lastAt,
    names: [...pending.names],
    otherNames: pending.otherNames.size,
    error: pending.error,
  });

  const closeWindow = () => {
    for (const [address, pending] of seen) if (pending) ready.push(summary(address === '' ? null : address, false, pending));
    if (overflow) ready.push(summary(null, true, overflow));
    seen = new Map();
    overflow = null;
  };

  return {
    record(attempt) {
      const start = Math.floor(attempt.at / windowMs) * windowMs;
      if (start !== windowStart) {
        closeWindow();
        windowStart = start;
      }
      // An unknown address is keyed '' (no X-Forwarded-For is a string no header gives).
      const key = attempt.address ?? '';
      if (!seen.has(key)) {
        if (seen.size < maxAddresses) {
          seen.set(key, null);
          return true;
        }
        overflow ??= newPending(attempt);
        add(overflow, attempt);
        return false;
      }
      const pending = seen.get(key) ?? newPending(attempt);
      seen.set(key, pending);
      add(pending, attempt);
      return false;
    },
    closed(now) {
      if (now >= windowStart + windowMs) closeWindow();
      const summaries = ready;
      ready = [];
      return summaries;
    },
    nextCloseAt() {
      const waiting = overflow !== null || [...seen.values()].some((pending) => pending !== null);
      return waiting ? windowStart + windowMs : null;
    },
  };
}
