/**
 * When the launcher restarts a process that exited without being asked to, and when it stops
 * trying. Pure: it is given the times and decides; the supervisor does the waiting.
 *
 * Back-off doubles from `firstDelayMs` up to `maxDelayMs`, so a process that fails at once on
 * every start (a port taken, a corrupt file) does not spin the machine. `maxCrashes` exits within
 * `windowMs` mean it will not come up by itself: the launcher gives up and says why. A process
 * that stayed up `stableAfterMs` before it exited starts the count afresh.
 */

export interface RestartPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  maxCrashes: number;
  windowMs: number;
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 500,
  maxDelayMs: 10_000,
  maxCrashes: 5,
  windowMs: 60_000,
  stableAfterMs: 30_000,
};

/** One process's exits since it last stayed up long enough to count as stable. */
export interface CrashHistory {
  /** Exits in a row without a stable run between them: sets the back-off. */
  readonly consecutive: number;
  /** When the exits still inside the window happened (epoch ms): sets the give-up. */
  readonly recent: readonly number[];
}

export const NO_CRASHES: CrashHistory = { consecutive: 0, recent: [] };

export type RestartDecision =
  | { restart: true; delayMs: number; history: CrashHistory }
  | { restart: false; crashes: number; withinMs: number; history: CrashHistory };

export function decideRestart(
  history: CrashHistory,
  run: { startedAt: number; exitedAt: number },
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): RestartDecision {
  const base = run.exitedAt - run.startedAt >= policy.stableAfterMs ? NO_CRASHES : history;
  const next: CrashHistory = {
    consecutive: base.consecutive + 1,
    recent: [...base.recent.filter((at) => run.exitedAt - at < policy.windowMs), run.exitedAt],
  };
  if (next.recent.length >= policy.maxCrashes) {
    return { restart: false, crashes: next.recent.length, withinMs: run.exitedAt - next.recent[0], history: next };
  }
  const delayMs = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (next.consecutive - 1));
  return { restart: true, delayMs, history: next };
}
