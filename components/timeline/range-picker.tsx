'use client';
import { useRef, useState } from 'react';
import { Button } from '@/components/button';
import { formatDuration } from '@/lib/domain/format';
import type { ConcurrencyPoint } from '@/lib/domain/timeline';
import { panRange, rangeBetween, timeToX, xToTime, zoomRange, type TimeRange, type TimeScale } from '@/lib/domain/timeline-view';
import { useElementWidth } from '@/lib/hooks/use-element-width';
import { LABEL_WIDTH_PX } from './bar-style';
import { ConcurrencyStrip } from './concurrency-strip';
import { formatAxisTime, type AxisMode } from './time-axis';

const ZOOM_STEP = 0.5;

interface RangePickerProps {
  /** Everything there is to see, on the chart's clock. */
  extent: TimeRange;
  view: TimeRange;
  onViewChange: (view: TimeRange) => void;
  onFit: () => void;
  fitted: boolean;
  curve: readonly ConcurrencyPoint[];
  curvePeak: number;
  axis: AxisMode;
}

/**
 * Zoom buttons and an overview of the whole extent: the window in view is highlighted; drag
 * across the overview to pick a range, click it to centre the view there.
 */
export function RangePicker({ extent, view, onViewChange, onFit, fitted, curve, curvePeak, axis }: RangePickerProps) {
  const [plotRef, width] = useElementWidth<HTMLDivElement>();
  const [selection, setSelection] = useState<{ from: number; to: number } | null>(null);
  const pointerId = useRef<number | null>(null);
  // The overview always shows the whole extent, and the view even when it wanders outside it.
  const whole: TimeRange = { start: Math.min(extent.start, view.start), end: Math.max(extent.end, view.end) };
  const scale: TimeScale = { range: whole, widthPx: width };
  const centre = (view.start + view.end) / 2;
  const timeAt = (event: React.PointerEvent) => xToTime(scale, event.clientX - event.currentTarget.getBoundingClientRect().left);

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    pointerId.current = event.pointerId;
    const time = timeAt(event);
    setSelection({ from: time, to: time });
  };
  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>) => {
    if (pointerId.current !== event.pointerId || !selection) return;
    setSelection({ ...selection, to: timeAt(event) });
  };
  const onPointerUp = (event: React.PointerEvent<HTMLDivElement>) => {
    if (pointerId.current !== event.pointerId || !selection) return;
    pointerId.current = null;
    const fromX = timeToX(scale, selection.from);
    const toX = timeToX(scale, timeAt(event));
    if (Math.abs(toX - fromX) < 4) onViewChange(panRange(view, selection.from - centre));
    else onViewChange(rangeBetween(selection.from, timeAt(event)));
    setSelection(null);
  };

  const viewLeft = timeToX(scale, view.start);
  const viewWidth = timeToX(scale, view.end) - viewLeft;
  const picked = selection ? rangeBetween(selection.from, selection.to) : null;
  const span = view.end - view.start;

  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Button size="sm" onClick={() => onViewChange(zoomRange(view, centre, ZOOM_STEP))} aria-label="Zoom in">
          + Zoom in
        </Button>
        <Button size="sm" onClick={() => onViewChange(zoomRange(view, centre, 1 / ZOOM_STEP))} aria-label="Zoom out">
          − Zoom out
        </Button>
        <Button size="sm" onClick={onFit} disabled={fitted}>
          Fit all
        </Button>
        <span data-view-range className="text-zinc-500 tabular-nums dark:text-zinc-400">
          Showing {formatAxisTime(view.start, span < 10_000 ? 1 : 1_000, axis)} – {formatAxisTime(view.end, span < 10_000 ? 1 : 1_000, axis)} (
          {formatDuration(span)})
        </span>
      </div>
      <div className="flex">
        <div className="shrink-0 self-center pr-2 text-right text-[10px] text-zinc-500 dark:text-zinc-400" style={{ width: LABEL_WIDTH_PX }}>
          Overview: drag to pick a range
        </div>
        <div
          ref={plotRef}
          data-range-picker
          className="relative h-8 min-w-0 flex-1 cursor-crosshair touch-none overflow-hidden rounded border border-zinc-200 select-none dark:border-zinc-800"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            pointerId.current = null;
            setSelection(null);
          }}
        >
          {width > 0 ? (
            <>
              <div className="pointer-events-none absolute inset-0 origin-top scale-y-50">
                <ConcurrencyStrip curve={curve} scale={scale} peak={curvePeak} />
              </div>
              <div
                data-view-window
                className="pointer-events-none absolute inset-y-0 border-x-2 border-sky-500 bg-sky-500/10"
                style={{ left: Math.max(0, viewLeft), width: Math.max(2, Math.min(width, viewWidth)) }}
              />
              {picked ? (
                <div
                  className="pointer-events-none absolute inset-y-0 bg-sky-500/30"
                  style={{ left: timeToX(scale, picked.start), width: Math.max(1, timeToX(scale, picked.end) - timeToX(scale, picked.start)) }}
                />
              ) : null}
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
