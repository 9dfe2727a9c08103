import { curveInView, type ConcurrencyPoint } from '@/lib/domain/timeline';
import { timeToX, type TimeScale } from '@/lib/domain/timeline-view';
import { CURVE_HEIGHT_PX } from './bar-style';

const PAD_PX = 4;

/** A step line through the curve's points for one count, as an SVG path. */
function stepPath(points: readonly ConcurrencyPoint[], scale: TimeScale, y: (point: ConcurrencyPoint) => number): string {
  if (points.length === 0) return '';
  const clampX = (time: number) => Math.min(scale.widthPx, Math.max(0, timeToX(scale, time)));
  let path = `M${clampX(points[0].at).toFixed(1)},${y(points[0]).toFixed(1)}`;
  for (let i = 1; i < points.length; i += 1) {
    path += `H${clampX(points[i].at).toFixed(1)}V${y(points[i]).toFixed(1)}`;
  }
  return `${path}H${scale.widthPx}`;
}

/**
 * How many jobs ran (filled) and waited (dashed) at each moment, on the bars' time axis. Only
 * the part in view is drawn, at most one step per pixel.
 */
export function ConcurrencyStrip({ curve, scale, peak }: { curve: readonly ConcurrencyPoint[]; scale: TimeScale; peak: number }) {
  const points = curveInView(curve, scale.range.start, scale.range.end, Math.max(1, Math.round(scale.widthPx)));
  const top = Math.max(1, peak);
  const yOf = (count: number) => CURVE_HEIGHT_PX - PAD_PX - (count / top) * (CURVE_HEIGHT_PX - 2 * PAD_PX);
  const baseline = yOf(0);
  const running = stepPath(points, scale, (point) => yOf(point.running));
  const queued = stepPath(points, scale, (point) => yOf(point.queued));
  return (
    <svg data-plot width={scale.widthPx} height={CURVE_HEIGHT_PX} className="block cursor-grab select-none" aria-hidden>
      <line x2={scale.widthPx} y1={baseline} y2={baseline} className="stroke-zinc-300 dark:stroke-zinc-700" />
      <line x2={scale.widthPx} y1={yOf(top)} y2={yOf(top)} strokeDasharray="2 4" className="stroke-zinc-200 dark:stroke-zinc-800" />
      {running ? (
        <path data-curve="running" d={`${running}V${baseline}H0Z`} className="fill-sky-500/25 stroke-sky-600 dark:fill-sky-400/25 dark:stroke-sky-400" strokeWidth={1.25} />
      ) : null}
      {queued ? <path data-curve="queued" d={queued} fill="none" strokeDasharray="4 3" strokeWidth={1.25} className="stroke-zinc-500 dark:stroke-zinc-400" /> : null}
    </svg>
  );
}
