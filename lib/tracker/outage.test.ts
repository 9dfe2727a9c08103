/**
 * Outage handling on a fake clock with a fake heartbeat: when the heartbeat goes due, the health
 * events (one per change), and the end of an outage making every part that backs off due at
 * once. The parts' own back-off is tested with each part; the whole loop in tracker-loop.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@/lib/domain/job';
import { Outage } from './outage';
import { down, FakeClock } from './tracker-fakes';

let clock: FakeClock;
let events: ChangeEvent[];
let resumed: { part: string; at: number }[];
let wakes: number;
let pings: { count: number; answer: () => Promise<void> };
let outage: Outage;

beforeEach(() => {
  clock = new FakeClock();
  events = [];
  resumed = [];
  wakes = 0;
  pings = { count: 0, answer: async () => undefined };
  const part = (name: string) => ({ resume: (at: number) => resumed.push({ part: name, at }) });
  outage = new Outage({
    warehouse: {
      ping: () => {
        pings.count++;
        return pings.answer();
      },
    },
    bus: { publish: (event) => events.push(event) },
    clock,
    backingOff: [part('queries'), part('services')],
    wake: () => wakes++,
  });
});

const health = () => events.flatMap((event) => (event.type === 'health' ? [event.ok] : []));

async function heartbeatWhenDue() {
  clock.time = Math.max(clock.time, outage.dueAt());
  await outage.run();
}

describe('Outage', () => {
  it('sends a heartbeat at once after start, then whenever nothing has reached the warehouse for 5 s', async () => {
    expect(outage.dueAt()).toBeLessThanOrEqual(clock.now());
    await heartbeatWhenDue();
    expect(pings.count).toBe(1);
    expect(health()).toEqual([true]);
    expect(outage.dueAt()).toBe(clock.now() + 5_000);

    // Any other answer counts as contact and puts the heartbeat off.
    clock.time += 3_000;
    outage.note(null);
    expect(outage.dueAt()).toBe(clock.now() + 5_000);

    const idleFrom = clock.now();
    await heartbeatWhenDue();
    expect(clock.now()).toBe(idleFrom + 5_000);
    expect(pings.count).toBe(2);
    // Still healthy: no event for an unchanged state.
    expect(health()).toEqual([true]);
  });

  it('reports an outage once, and heartbeats every 2 s while it lasts', async () => {
    pings.answer = () => Promise.reject(down());
    await heartbeatWhenDue();
    expect(health()).toEqual([false]);
    expect(outage.dueAt()).toBe(clock.now() + 2_000);

    await heartbeatWhenDue();
    await heartbeatWhenDue();
    expect(pings.count).toBe(3);
    expect(health()).toEqual([false]);
    expect(resumed).toEqual([]);
  });

  it('when the warehouse answers again, makes every part backing off due at once and reports the recovery', async () => {
    outage.note(null);
    clock.time += 1_000;
    outage.note(down());
    expect(resumed).toEqual([]);

    clock.time += 30_000;
    await heartbeatWhenDue();

    expect(health()).toEqual([true, false, true]);
    expect(resumed).toEqual([
      { part: 'queries', at: clock.now() },
      { part: 'services', at: clock.now() },
    ]);
    expect(wakes).toBe(1);
    expect(outage.dueAt()).toBe(clock.now() + 5_000);
  });

  it('does not take the first answer after start for a recovery', () => {
    outage.note(null);
    expect(resumed).toEqual([]);
    expect(wakes).toBe(0);
    expect(health()).toEqual([true]);
  });

  it('is not due while a heartbeat is in flight', async () => {
    let answer = () => {};
    pings.answer = () => new Promise((resolve) => (answer = resolve));
    const beat = outage.run();
    expect(outage.dueAt()).toBe(Infinity);
    answer();
    await beat;
    expect(outage.dueAt()).toBe(clock.now() + 5_000);
  });
});
