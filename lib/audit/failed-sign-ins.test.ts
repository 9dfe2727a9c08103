import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditRecord } from '@/lib/domain/audit';
import { useSharedRegistryIn } from '@/test/shared-registry';
import { createFailedSignInLog, describeFailures, MAX_ADDRESSES_LOGGED } from './failed-sign-ins';
import { createFailureTally } from './failure-tally';
import { listAudit, recordAudit } from '.';

const WINDOW = 60_000;
const T0 = Date.UTC(2026, 10, 21, 10, 0, 0);
const wrong = (address: string | null, name: string, at: number) => ({ address, name, error: 'That is not this dashboard\u2019s access token.', at });

describe('failure tally', () => {
  it('logs the first failure from an address at once and sums the rest when the window ends', () => {
    const tally = createFailureTally({ windowMs: WINDOW, maxAddresses: 10 });
    expect(tally.record(wrong('10.0.0.5', 'mallory', T0 + 1_000))).toBe(true);
    for (let i = 0; i < 11; i++) expect(tally.record(wrong('10.0.0.5', `m${i % 7}`, T0 + 2_000 + i))).toBe(false);
    expect(tally.record(wrong('10.0.0.6', 'eve', T0 + 3_000))).toBe(true);
    expect(tally.closed(T0 + WINDOW - 1)).toEqual([]);
    expect(tally.nextCloseAt()).toBe(T0 + WINDOW);
    expect(tally.closed(T0 + WINDOW)).toEqual([
      { address: '10.0.0.5', folded: false, addresses: 1, count: 11, firstAt: T0 + 2_000, lastAt: T0 + 2_010, names: ['m0', 'm1', 'm2', 'm3', 'm4'], otherNames: 2, error: expect.any(String) },
    ]);
    expect(tally.closed(T0 + 2 * WINDOW)).toEqual([]);
    expect(tally.nextCloseAt()).toBeNull();
    // A new window logs the address's first failure on its own again.
    expect(tally.record(wrong('10.0.0.5', 'mallory', T0 + WINDOW + 5))).toBe(true);
  });

  it('sums the failures from addresses past the bound together, however many the caller makes up', () => {
    const tally = createFailureTally({ windowMs: WINDOW, maxAddresses: 2 });
    const logged = Array.from({ length: 200 }, (_, i) => tally.record(wrong(`10.9.${i >> 8}.${i & 255}`, 'x'.repeat(500), T0 + i)));
    expect(logged.filter(Boolean)).toHaveLength(2);
    const [summary] = tally.closed(T0 + WINDOW);
    expect(summary).toMatchObject({ address: null, folded: true, addresses: 198, count: 198, names: [`${'x'.repeat(39)}…`], otherNames: 0 });
  });

  it('closes a window when the next failure falls in a later one', () => {
    const tally = createFailureTally({ windowMs: WINDOW, maxAddresses: 10 });
    tally.record(wrong(null, 'a', T0));
    tally.record(wrong(null, 'b', T0 + 1));
    tally.record(wrong(null, 'c', T0 + WINDOW + 1));
    expect(tally.closed(T0 + WINDOW + 2)).toMatchObject([{ address: null, folded: false, count: 1, names: ['b'] }]);
  });
});

describe('failed sign-in log', () => {
  afterEach(() => vi.useRealTimers());

  it('writes one entry per address and window with the count, on its own at the window\u2019s end', async () => {
    vi.useFakeTimers({ now: T0 });
    const written: AuditRecord[] = [];
    const log = createFailedSignInLog({ write: async (record) => void written.push(record), windowMs: WINDOW });
    for (let i = 0; i < 12; i++) {
      await log.record({ name: i === 0 ? 'x'.repeat(100) : 'mallory', address: '10.0.0.5', error: 'That is not this dashboard\u2019s access token.' });
      vi.advanceTimersByTime(1_000);
    }
    expect(written).toEqual([
      { actor: `${'x'.repeat(39)}…`, access: 'read-only', address: '10.0.0.5', action: 'sign-in', target: 'dashboard', detail: null, outcome: 'refused', error: 'That is not this dashboard\u2019s access token.' },
    ]);
    await vi.advanceTimersByTimeAsync(WINDOW);
    expect(written).toHaveLength(2);
    expect(written[1]).toMatchObject({
      actor: 'mallory',
      address: '10.0.0.5',
      outcome: 'refused',
      detail: '11 more failed sign-ins from 10.0.0.5 between 2026-11-21T10:00:01.000Z and 2026-11-21T10:00:11.000Z; names given: "mallory".',
    });
    await vi.advanceTimersByTimeAsync(10 * WINDOW);
    expect(written).toHaveLength(2);
  });

  it('describes failures from many addresses and unknown ones', () => {
    const base = { count: 3, firstAt: T0, lastAt: T0 + 2_000, names: ['a', 'b'], otherNames: 4, error: 'e' };
    expect(describeFailures({ ...base, address: null, folded: true, addresses: 3 })).toBe(
      '3 failed sign-ins from 3 other addresses between 2026-11-21T10:00:00.000Z and 2026-11-21T10:00:02.000Z; names given: "a", "b" and 4 others.',
    );
    expect(describeFailures({ ...base, count: 1, address: null, folded: false, addresses: 1 })).toMatch(/^1 more failed sign-in from an unknown address between/);
  });
});

describe('failed sign-ins in the real audit log', () => {
  useSharedRegistryIn('flurry-failed-sign-ins-');

  it('200 wrong tokens from addresses a stranger makes up leave a bounded number of entries', async () => {
    let clock = T0;
    const log = createFailedSignInLog({ write: recordAudit, now: () => clock, windowMs: WINDOW });
    for (let i = 0; i < 200; i++) {
      clock = T0 + i * 10;
      await log.record({ name: `bot-${i}`, address: `10.7.0.${i % 50}`, error: 'That is not this dashboard\u2019s access token.' });
    }
    clock = T0 + WINDOW;
    await log.flush();
    const entries = await listAudit({ action: 'sign-in', limit: 500 });
    // The first from each of the first MAX_ADDRESSES_LOGGED addresses, their sums, and one sum for the other 40.
    expect(entries).toHaveLength(2 * MAX_ADDRESSES_LOGGED + 1);
    expect(entries.find((entry) => entry.detail?.startsWith('160 failed sign-ins from 40 other addresses'))).toMatchObject({ address: null, outcome: 'refused' });
  });
});
