/**
 * Reads shared by everyone who asks within `ttlMs`: any number of open detail pages cost one
 * warehouse read per interval, not one per tab. A failed read is forgotten at once, so the next
 * ask tries again.
 */
export function sharedReads<V>(ttlMs: number, now: () => number = Date.now) {
  const entries = new Map<string, { at: number; value: Promise<V> }>();
  return (key: string, load: () => Promise<V>): Promise<V> => {
    const at = now();
    for (const [other, entry] of entries) if (at - entry.at >= ttlMs) entries.delete(other);
    const cached = entries.get(key);
    if (cached) return cached.value;
    const value = load();
    entries.set(key, { at, value });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}
