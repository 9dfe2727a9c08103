'use client';
import { formatIsoTimestamp, formatTimestamp } from '@/lib/domain/format';
import { useNow } from '@/lib/hooks/use-now';

/** A time for a table cell, with the full UTC timestamp on hover. */
export function Timestamp({ at }: { at: number | null }) {
  const now = useNow(false);
  if (at === null) return <span className="text-zinc-400 dark:text-zinc-600">—</span>;
  const iso = formatIsoTimestamp(at);
  return (
    <time dateTime={iso} title={iso} className="tabular-nums">
      {formatTimestamp(at, now)}
    </time>
  );
}
