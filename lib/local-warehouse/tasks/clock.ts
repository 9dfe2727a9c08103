/**
 * The scheduler's clock. Every time the task engine reads or waits for goes through it, so tests
 * replace it with a ManualClock and run a daylight-saving day or a week of runs in seconds,
 * deterministically.
 */

export interface SchedulerClock {
  now(): number;
  /** Calls `fn` once the clock reaches `at` (epoch ms); the returned function cancels it. */
  at(at: number, fn: () => void): () => void;
}

/** setTimeout's longest delay; longer waits re-arm. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export const systemClock: SchedulerClock = {
  now: Date.now,
  at(at, fn) {
    let timer: NodeJS.Timeout;
    const arm = () => {
      const delay = at - Date.now();
      timer = setTimeout(delay > MAX_DELAY_MS ? arm : fn, Math.max(0, Math.min(delay, MAX_DELAY_MS)));
      timer.unref();
    };
    arm();
    return () => clearTimeout(timer);
  },
};

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * A clock that moves only when told. `advanceTo` fires due timers in time order, setting the
 * clock to each timer's time first, and lets `settle` (the engine's "work in flight is done")
 * finish after each, so a run started by one timer ends before the next timer fires.
 */
export class ManualClock implements SchedulerClock {
  private timers: Timer[] = [];
  private seq = 0;

  constructor(private time: number) {}

  now = (): number => this.time;

  at(at: number, fn: () => void): () => void {
    const timer = { at, seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** The earliest pending timer's time, or null. */
  nextTimer(): number | null {
    return this.timers.reduce<number | null>((min, t) => (min === null || t.at < min ? t.at : min), null);
  }

  async advanceTo(target: number, settle: () => Promise<void> = async () => {}): Promise<void> {
    await settle();
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
      await settle();
    }
    this.time = Math.max(this.time, target);
    await settle();
  }

  advance(ms: number, settle?: () => Promise<void>): Promise<void> {
    return this.advanceTo(this.time + ms, settle);
  }
}
