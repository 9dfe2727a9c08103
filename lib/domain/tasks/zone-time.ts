/**
 * Wall clocks in IANA time zones through Intl, without a time-zone library. A "wall" time is the
 * zone's local date and time written as epoch ms as if it were UTC, so calendar arithmetic on it
 * is plain integer arithmetic.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at instant `t`. */
export function wallClockAt(timeZone: string, t: number): number {
  const part: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(t)) {
    if (p.type !== 'literal') part[p.type] = Number(p.value);
  }
  const ms = t - Math.floor(t / 1000) * 1000;
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second) + ms;
}

export function offsetAt(timeZone: string, t: number): number {
  return wallClockAt(timeZone, t) - t;
}

/**
 * The distinct UTC offsets of instants whose wall clock falls on the local day starting at wall
 * `dayStart`. Such instants lie within [dayStart − 14 h, dayStart + 36 h] (offsets span −12 h to
 * +14 h). Equal offsets at both ends are taken to mean no change in between: no zone changes its
 * offset and back within two days.
 */
export function offsetsOnDay(timeZone: string, dayStart: number): number[] {
  const from = dayStart - 14 * HOUR_MS;
  const to = dayStart + 36 * HOUR_MS;
  const first = offsetAt(timeZone, from);
  if (offsetAt(timeZone, to) === first) return [first];
  const offsets = new Set<number>();
  for (let t = from; t <= to; t += 15 * MINUTE_MS) offsets.add(offsetAt(timeZone, t));
  return [...offsets];
}

/**
 * The instants at which the zone's clock shows `wall`, earliest first: none in a daylight-saving
 * gap, two in an overlap. `offsets` comes from offsetsOnDay for the wall time's day.
 */
export function instantsAtWallClock(timeZone: string, wall: number, offsets: readonly number[]): number[] {
  return offsets
    .map((o) => wall - o)
    .filter((t) => offsetAt(timeZone, t) === wall - t)
    .sort((a, b) => a - b);
}

/** `YYYY-MM-DD` and `HH:MM` of a wall time. */
export function formatWallDate(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

export function formatWallTime(wall: number): string {
  return new Date(wall).toISOString().slice(11, 16);
}
