/**
 * Maps items through an async function with at most `limit` calls in flight, keeping order.
 * The tracker polls hundreds of queries per tick; the warehouse should see a steady trickle,
 * not a burst of hundreds of requests at once.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
