/**
 * A clock that moves only when told, for the deterministic tests of every long-running loop: the
 * task scheduler (lib/local-warehouse/tasks/clock.ts), the launcher's supervisor and the
 * tracker's parts (lib/tracker/ports.ts). `advanceTo` fires due timers in time order, setting the
 * clock to each timer's time first, and lets `settle` (the caller's "work in flight is done")
 * finish after each, so work started by one timer ends before the next timer fires.
 */

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

export class ManualClock {
  private timers: Timer[] = [];
  private seq = 0;

  /** Epoch ms. A test may set it directly to stand at a moment without firing anything. */
  constructor(public time: number) {}

  now = (): number => this.time;

  /** Calls `fn` once the clock reaches `at` (epoch ms); the returned function cancels it. */
  at(at: number, fn: () => void): () => void {
    const timer = { at, seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Calls `fn` once, `delayMs` from now; the returned function cancels it. */
  after(delayMs: number, fn: () => void): () => void {
    return this.at(this.time + delayMs, fn);
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
