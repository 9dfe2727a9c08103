/**
 * How the dashboard writes durations, times and ids. Pure, so the pages and their tests agree.
 */
import type { Job } from './job';
import { isTerminal } from './status';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as people read it in a table: "850 ms", "4.2 s", "37 s", "2m 05s", "3h 07m".
 * Negative input is clamped to zero: warehouse and browser clocks can disagree by a little.
 */
export function formatDuration(ms: number): string {
  const value = Math.max(0, Math.round(ms));
  if (value < SECOND) return `${value} ms`;
  if (value < 10 * SECOND) return `${(Math.floor(value / 100) / 10).toFixed(1)} s`;
  if (value < MINUTE) return `${Math.floor(value / SECOND)} s`;
  if (value < HOUR) {
    const minutes = Math.floor(value / MINUTE);
    const seconds = Math.floor((value % MINUTE) / SECOND);
    return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
  }
  const hours = Math.floor(value / HOUR);
  const minutes = Math.floor((value % HOUR) / MINUTE);
  return `${hours}h ${String(minutes).padStart(2, '0')}m`;
}

/**
 * How long a job has run: to its end once it ended, to `now` while it runs, null before it
 * started (or when it ended without ever starting, e.g. cancelled while queued).
 */
export function jobDurationMs(job: Pick<Job, 'phase' | 'startedAt' | 'endedAt'>, now: number): number | null {
  if (job.startedAt === null) return null;
  if (job.endedAt !== null) return job.endedAt - job.startedAt;
  return isTerminal(job.phase) ? null : now - job.startedAt;
}

function dayKey(at: number, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * A timestamp for a table cell: the time of day ("14:03:22") when it is today, else the date
 * too ("Nov 20, 14:03:22"). `timeZone` defaults to the viewer's own.
 */
export function formatTimestamp(at: number, now: number, timeZone?: string): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  if (dayKey(at, timeZone) === dayKey(now, timeZone)) return time;
  const date = new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric' }).format(at);
  return `${date}, ${time}`;
}

/**
 * How long ago `at` was, roughly, beside a timestamp: "just now", "42 s ago", "5 min ago",
 * "3 h ago", "2 d ago". A time a little ahead of `now` (clocks disagree) reads as just now.
 */
export function formatAgo(at: number, now: number): string {
  const ago = now - at;
  if (ago < 5 * SECOND) return 'just now';
  if (ago < MINUTE) return `${Math.floor(ago / SECOND)} s ago`;
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  return `${Math.floor(ago / DAY).toLocaleString('en-US')} d ago`;
}

/** The full, unambiguous form of a timestamp, for tooltips. */
export function formatIsoTimestamp(at: number): string {
  return new Date(at).toISOString();
}

/** Ids are UUIDs; eight characters tell them apart on one screen. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** SQL on one line for a table cell: whitespace runs (newlines included) become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "1 job", "3 jobs"; nouns that do not just take an s give their plural ("2 queries"). */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : plural}`;
}
