/**
 * DuckDB attaches and detaches databases for the whole instance, under every connection. A
 * query holds the lock shared while it runs on DuckDB; attaching or detaching a database holds
 * it exclusively, so no running statement ever loses the database under it. A waiting exclusive
 * holder goes before shared requests that arrive after it, so a busy warehouse cannot starve it.
 */

interface Waiter {
  exclusive: boolean;
  grant: () => void;
}

export class CatalogLock {
  private shared = 0;
  private exclusive = false;
  private readonly waiting: Waiter[] = [];

  /** Runs `fn` while holding the lock; `signal` abandons the wait (the promise rejects). */
  async withShared<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(false, signal);
    try {
      return await fn();
    } finally {
      this.shared -= 1;
      this.grantWaiting();
    }
  }

  async withExclusive<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(true, signal);
    try {
      return await fn();
    } finally {
      this.exclusive = false;
      this.grantWaiting();
    }
  }

  private acquire(exclusive: boolean, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.waiting.length === 0 && this.canGrant(exclusive)) {
      this.take(exclusive);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        exclusive,
        grant: () => {
          signal?.removeEventListener('abort', abandon);
          this.take(exclusive);
          resolve();
        },
      };
      const abandon = () => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        this.grantWaiting();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', abandon, { once: true });
      this.waiting.push(waiter);
    });
  }

  private canGrant(exclusive: boolean): boolean {
    return exclusive ? !this.exclusive && this.shared === 0 : !this.exclusive;
  }

  private take(exclusive: boolean): void {
    if (exclusive) this.exclusive = true;
    else this.shared += 1;
  }

  private grantWaiting(): void {
    while (this.waiting.length > 0 && this.canGrant(this.waiting[0].exclusive)) {
      this.waiting.shift()?.grant();
    }
  }
}
