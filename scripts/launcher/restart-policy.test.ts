import { describe, expect, it } from 'vitest';
import { decideRestart, DEFAULT_RESTART_POLICY, NO_CRASHES, type CrashHistory, type RestartDecision } from './restart-policy';

/** Crashes `upMs` after each start, each restart starting when the previous delay ran out. */
function crashLoop(times: number, upMs: number, from = 0): RestartDecision[] {
  const decisions: RestartDecision[] = [];
  let history: CrashHistory = NO_CRASHES;
  let startedAt = from;
  for (let i = 0; i < times; i++) {
    const decision = decideRestart(history, { startedAt, exitedAt: startedAt + upMs });
    decisions.push(decision);
    history = decision.history;
    startedAt += upMs + (decision.restart ? decision.delayMs : 0);
  }
  return decisions;
}

describe('decideRestart', () => {
  it('doubles the back-off from 0.5 s after each crash in a row', () => {
    const delays = crashLoop(4, 100).map((decision) => (decision.restart ? decision.delayMs : null));
    expect(delays).toEqual([500, 1000, 2000, 4000]);
  });

  it('caps the back-off', () => {
    const policy = { ...DEFAULT_RESTART_POLICY, maxCrashes: 100 };
    let history = NO_CRASHES;
    const delays: number[] = [];
    // Crashes 61 s apart never fill the window, but none ran long enough to count as stable.
    for (let i = 0; i < 8; i++) {
      const start = i * 61_000;
      const decision = decideRestart(history, { startedAt: start + 29_000, exitedAt: start + 58_000 }, policy);
      if (decision.restart) delays.push(decision.delayMs);
      history = decision.history;
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('gives up at the fifth crash within 60 s, saying how many and over how long', () => {
    const decisions = crashLoop(5, 200, 1_000);
    expect(decisions.slice(0, 4).every((decision) => decision.restart)).toBe(true);
    // Starts at 1.0 s; exits at 1.2, 1.9, 3.1, 5.3, 9.5 s.
    expect(decisions[4]).toMatchObject({ restart: false, crashes: 5, withinMs: 8_300 });
  });

  it('forgets crashes older than the window', () => {
    let history = NO_CRASHES;
    for (const at of [0, 10_000, 20_000, 30_000]) history = decideRestart(history, { startedAt: at - 100, exitedAt: at }).history;
    // The fifth crash comes 60 s after the first: only four are inside the window.
    const decision = decideRestart(history, { startedAt: 59_900, exitedAt: 60_000 });
    expect(decision).toMatchObject({ restart: true, history: { recent: [10_000, 20_000, 30_000, 60_000] } });
  });

  it('starts afresh after a process stayed up long enough: first delay again, old crashes forgotten', () => {
    const history = crashLoop(4, 100).at(-1)!.history;
    expect(history.recent).toHaveLength(4);
    const afterStableRun = decideRestart(history, { startedAt: 8_000, exitedAt: 38_000 });
    expect(afterStableRun).toEqual({ restart: true, delayMs: 500, history: { consecutive: 1, recent: [38_000] } });

    const afterShortRun = decideRestart(history, { startedAt: 8_000, exitedAt: 37_999 });
    expect(afterShortRun).toMatchObject({ restart: false, crashes: 5 });
  });
});
