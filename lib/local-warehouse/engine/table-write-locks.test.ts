import { describe, expect, it } from 'vitest';
import { TableWriteLocks } from './table-write-locks';

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('TableWriteLocks', () => {
  it('runs writers of one table one after another, in arrival order', async () => {
    const locks = new TableWriteLocks();
    const log: string[] = [];
    const writer = (name: string) =>
      locks.withLock('DB.S.T', async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
      });
    await Promise.all([writer('a'), writer('b'), writer('c')]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('lets writers of different tables run side by side', async () => {
    const locks = new TableWriteLocks();
    const log: string[] = [];
    const writer = (table: string) =>
      locks.withLock(table, async () => {
        log.push(`${table} start`);
        await tick();
        log.push(`${table} end`);
      });
    await Promise.all([writer('T1'), writer('T2')]);
    expect(log.slice(0, 2)).toEqual(['T1 start', 'T2 start']);
  });

  it('passes the lock on when a holder fails, and a cancelled waiter leaves the line', async () => {
    const locks = new TableWriteLocks();
    const failing = locks.withLock('T', async () => {
      await tick();
      throw new Error('boom');
    });
    const abort = new AbortController();
    const cancelled = locks.withLock('T', async () => 'never', abort.signal);
    abort.abort(new Error('cancelled'));
    await expect(cancelled).rejects.toThrow('cancelled');
    await expect(failing).rejects.toThrow('boom');
    await expect(locks.withLock('T', async () => 'next')).resolves.toBe('next');
  });
});
