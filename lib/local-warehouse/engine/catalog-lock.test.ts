import { describe, expect, it } from 'vitest';
import { CatalogLock } from './catalog-lock';

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('CatalogLock', () => {
  it('runs shared holders together, an exclusive one alone, and lets it go before later shared requests', async () => {
    const lock = new CatalogLock();
    const order: string[] = [];
    const firstRead = deferred();
    const reading = lock.withShared(async () => {
      order.push('read 1 start');
      await firstRead.promise;
      order.push('read 1 end');
    });
    const writing = lock.withExclusive(async () => void order.push('write'));
    const laterRead = lock.withShared(async () => void order.push('read 2'));
    await Promise.resolve();
    expect(order).toEqual(['read 1 start']);
    firstRead.resolve();
    await Promise.all([reading, writing, laterRead]);
    expect(order).toEqual(['read 1 start', 'read 1 end', 'write', 'read 2']);
  });

  it('abandons a wait when its signal aborts, and the queue moves on', async () => {
    const lock = new CatalogLock();
    const held = deferred();
    const holding = lock.withShared(() => held.promise);
    const abort = new AbortController();
    const waiting = lock.withExclusive(async () => 'never', abort.signal);
    const queuedRead = lock.withShared(async () => 'read');
    abort.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    await expect(queuedRead).resolves.toBe('read');
    held.resolve();
    await holding;
  });
});
