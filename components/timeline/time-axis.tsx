import { formatClockTick, formatElapsedTick, timeTicks, timeToX, type TimeScale, type Ticks } from '@/lib/domain/timeline-view';
import { AXIS_HEIGHT_PX } from './bar-style';

/** Clock time (epoch ms) or time since each batch began (when two batches are compared). */
export type AxisMode = 'clock' | 'elapsed';

/** Ticks for the scale; on the clock they fall on the viewer's round minutes and hours. */
export function axisTicks(scale: TimeScale, axis: AxisMode): Ticks {
  const zoneOffsetMs = axis === 'clock' ? -new Date(scale.range.start).getTimezoneOffset() * 60_000 : 0;
  return timeTicks(scale, 90, zoneOffsetMs);
}

export function formatAxisTime(time: number, step: number, axis: AxisMode): string {
  return axis === 'clock' ? formatClockTick(time, step) : formatElapsedTick(time);
}

/** A label this close to an edge would be cut off; its tick line is still drawn. */
const LABEL_EDGE_PX = 32;

export function TimeAxis({ scale, ticks, axis }: { scale: TimeScale; ticks: Ticks; axis: AxisMode }) {
  return (
    <svg data-plot width={scale.widthPx} height={AXIS_HEIGHT_PX} className="block cursor-grab select-none" aria-hidden>
      {ticks.times.map((time) => {
        const x = timeToX(scale, time);
        return (
          <g key={time} transform={`translate(${x},0)`}>
            <line y1={AXIS_HEIGHT_PX - 6} y2={AXIS_HEIGHT_PX} className="stroke-zinc-400 dark:stroke-zinc-600" />
            {x >= LABEL_EDGE_PX && x <= scale.widthPx - LABEL_EDGE_PX ? (
              <text y={AXIS_HEIGHT_PX - 10} textAnchor="middle" className="fill-zinc-500 text-[10px] tabular-nums dark:fill-zinc-400">
                {formatAxisTime(time, ticks.step, axis)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** Faint lines down the rows at each tick, and the live "now" line. */
export function GridLines({ scale, ticks, height, nowTime }: { scale: TimeScale; ticks: Ticks; height: number; nowTime: number | null }) {
  const nowX = nowTime === null ? null : timeToX(scale, nowTime);
  return (
    <svg width={scale.widthPx} height={height} className="pointer-events-none absolute inset-0 block" aria-hidden>
      {ticks.times.map((time) => {
        const x = timeToX(scale, time);
        return <line key={time} x1={x} x2={x} y2={height} className="stroke-zinc-200 dark:stroke-zinc-800" />;
      })}
      {nowX !== null && nowX >= 0 && nowX <= scale.widthPx ? (
        <line data-now-line x1={nowX} x2={nowX} y2={height} strokeWidth={1.5} className="stroke-rose-500" />
      ) : null}
    </svg>
  );
}
