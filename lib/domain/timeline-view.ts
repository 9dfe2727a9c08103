/**
 * The Timeline's time axis: which stretch of time is in view, how zoom and pan move it, where
 * its ticks fall and how they read. Pure; times are milliseconds on the chart's own clock
 * (epoch ms, or ms since a batch's first submit when two batches are compared).
 */
import { formatDuration } from './format';

export interface TimeRange {
  start: number;
  end: number;
}

/** Zooming in stops at 10 ms across the chart; zooming out at 30 days. */
export const MIN_SPAN_MS = 10;
export const MAX_SPAN_MS = 30 * 24 * 3_600_000;

/** A range that shows all of `extent` with a margin either side (and never a zero span). */
export function fitRange(extent: TimeRange, marginFraction = 0.03): TimeRange {
  const span = Math.max(extent.end - extent.start, 1_000);
  const margin = span * marginFraction;
  const centre = (extent.start + extent.end) / 2;
  return clampSpan({ start: centre - span / 2 - margin, end: centre + span / 2 + margin }, centre);
}

function clampSpan(range: TimeRange, anchor: number): TimeRange {
  const span = range.end - range.start;
  const clamped = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, span));
  if (clamped === span) return range;
  // Keep the anchor at the same fraction of the chart as before.
  const fraction = span > 0 ? (anchor - range.start) / span : 0.5;
  const start = anchor - fraction * clamped;
  return { start, end: start + clamped };
}

/**
 * Zooms by `factor` (< 1 zooms in) keeping `anchor` (the time under the pointer) where it is
 * on screen, as maps do.
 */
export function zoomRange(range: TimeRange, anchor: number, factor: number): TimeRange {
  const start = anchor - (anchor - range.start) * factor;
  const end = anchor + (range.end - anchor) * factor;
  return clampSpan({ start, end }, anchor);
}

export function panRange(range: TimeRange, deltaMs: number): TimeRange {
  return { start: range.start + deltaMs, end: range.end + deltaMs };
}

/** A range picked by dragging from one time to another, in either direction. */
export function rangeBetween(a: number, b: number): TimeRange {
  return clampSpan({ start: Math.min(a, b), end: Math.max(a, b) }, (a + b) / 2);
}

export interface TimeScale {
  range: TimeRange;
  widthPx: number;
}

export function timeToX({ range, widthPx }: TimeScale, time: number): number {
  return ((time - range.start) / (range.end - range.start)) * widthPx;
}

export function xToTime({ range, widthPx }: TimeScale, x: number): number {
  return range.start + (x / Math.max(1, widthPx)) * (range.end - range.start);
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Tick steps people count in: 1-2-5 below a second, then clock-friendly multiples. */
const TICK_STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY,
];

export interface Ticks {
  step: number;
  times: number[];
}

/**
 * Ticks at least `minGapPx` apart, on multiples of a round step, so they read as round times
 * (on the clock, or since the start). Multiples of the step in the viewer's time zone when
 * `offsetMs` is the zone's offset, so hour ticks fall on the hour.
 */
export function timeTicks({ range, widthPx }: TimeScale, minGapPx = 90, offsetMs = 0): Ticks {
  const span = range.end - range.start;
  const wanted = (span / Math.max(1, widthPx)) * minGapPx;
  const step = TICK_STEPS.find((candidate) => candidate >= wanted) ?? TICK_STEPS[TICK_STEPS.length - 1];
  const times: number[] = [];
  const first = Math.ceil((range.start + offsetMs) / step) * step - offsetMs;
  for (let time = first; time <= range.end; time += step) times.push(time);
  return { step, times };
}

/** How a tick on the clock reads: no more precision than its step needs. */
export function formatClockTick(at: number, step: number, timeZone?: string): string {
  const time = Math.round(at);
  const parts: Intl.DateTimeFormatOptions =
    step >= DAY
      ? { month: 'short', day: 'numeric' }
      : step >= MINUTE
        ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, ...parts }).format(time);
  if (step >= SECOND) return text;
  const ms = String(((time % SECOND) + SECOND) % SECOND).padStart(3, '0');
  return `${text}.${ms}`;
}

/** How a tick reads on an axis of time since the start: "0", "+500 ms", "+2.0 s", "+1m 30s". */
export function formatElapsedTick(at: number): string {
  const time = Math.round(at);
  if (time === 0) return '0';
  return `${time < 0 ? '−' : '+'}${formatDuration(Math.abs(time))}`;
}
