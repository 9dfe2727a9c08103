/**
 * One instance per server process of the things that must be shared: the registry (DuckDB allows
 * one open instance per file and process), the tracker, the event bus, the warehouse pool, the
 * limiters. Kept on globalThis under a registered symbol because Next.js loads instrumentation,
 * route handlers and server actions as separate module graphs (and reloads them in dev), each
 * with its own copy of every module-level variable.
 */

type Holder = Record<symbol, unknown>;

function slot(name: string): symbol {
  return Symbol.for(`flurry.${name}`);
}

/** The process's one `name`, made by `create` the first time it is asked for. */
export function processSingleton<T>(name: string, create: () => T): T {
  const holder = globalThis as unknown as Holder;
  const key = slot(name);
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}

/**
 * The same for something opened asynchronously. A failed opening is forgotten, so the next
 * caller tries again instead of inheriting the failure for the life of the process.
 */
export function processSingletonAsync<T>(name: string, open: () => Promise<T>): Promise<T> {
  const holder = globalThis as unknown as Holder;
  const key = slot(name);
  if (!(key in holder)) {
    const opening = open().catch((error: unknown) => {
      if (holder[key] === opening) delete holder[key];
      throw error;
    });
    holder[key] = opening;
  }
  return holder[key] as Promise<T>;
}

