'use client';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TimelineEntry } from '@/lib/domain/job';
import { curveValueAt, type ConcurrencyPoint } from '@/lib/domain/timeline';
import { panRange, xToTime, zoomRange, type TimeRange, type TimeScale } from '@/lib/domain/timeline-view';
import { useElementWidth } from '@/lib/hooks/use-element-width';
import { LABEL_WIDTH_PX, ROW_HEIGHT_PX } from './bar-style';
import { ConcurrencyStrip } from './concurrency-strip';
import { GridLines, TimeAxis, axisTicks, formatAxisTime, type AxisMode } from './time-axis';
import { TimelineRows, type RowPointer } from './timeline-rows';
import { TimelineTooltip } from './timeline-tooltip';

/** A drag shorter than this is a click. */
const DRAG_THRESHOLD_PX = 4;
/** How far one wheel notch zooms. */
const WHEEL_ZOOM_PER_PIXEL = 0.0025;
const KEY_PAN_FRACTION = 0.1;
const KEY_ZOOM_FACTOR = 0.5;
const TOOLTIP_WIDTH_PX = 288;

export interface TimelineChartProps {
  /** In the order to draw them (timelineOrder). */
  rows: readonly TimelineEntry[];
  /** Subtracted from the jobs' times to get the chart's clock (0 on a clock axis). */
  origin: number;
  now: number;
  axis: AxisMode;
  view: TimeRange;
  onViewChange: (view: TimeRange) => void;
  onFit: () => void;
  /** The concurrency curve on the chart's clock, and the count its top line stands for. */
  curve: readonly ConcurrencyPoint[];
  curvePeak: number;
  label: string;
  onOpen: (entry: TimelineEntry) => void;
  maxRowsHeightPx?: number;
}

interface Drag {
  pointerId: number;
  startX: number;
  startView: TimeRange;
  dragging: boolean;
}

function dateOf(time: number): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(time);
}

/**
 * The Gantt: a row per job with its queued and running segments, the time axis above, the
 * concurrency curve below, all on one scale. Wheel on the axis or curve (or Ctrl+wheel
 * anywhere) zooms about the pointer; drag or Shift+wheel pans; ←/→ pan, +/− zoom and 0 fits
 * when the chart has focus.
 */
export function TimelineChart(props: TimelineChartProps) {
  const { rows, origin, now, axis, view, onViewChange, onFit, curve, curvePeak, label, onOpen, maxRowsHeightPx = 440 } = props;
  const hintId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const [plotRef, width] = useElementWidth<HTMLDivElement>();
  const [pointer, setPointer] = useState<RowPointer | null>(null);
  const [readout, setReadout] = useState<{ time: number; running: number; queued: number } | null>(null);
  const drag = useRef<Drag | null>(null);
  const suppressClick = useRef(false);

  const scale = useMemo<TimeScale>(() => ({ range: view, widthPx: width }), [view, width]);
  const ticks = useMemo(() => axisTicks(scale, axis), [scale, axis]);
  // The wheel listener is bound once; it reads the latest view and scale from here.
  const latest = useRef({ scale, onViewChange });
  latest.current = { scale, onViewChange };

  const timeAtClientX = useCallback((clientX: number) => {
    const left = plotRef.current?.getBoundingClientRect().left ?? 0;
    return xToTime(latest.current.scale, clientX - left);
  }, [plotRef]);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onWheel = (event: WheelEvent) => {
      const target = event.target as Element;
      if (!target.closest('[data-plot]')) return;
      const { scale: current, onViewChange: change } = latest.current;
      const rowsElement = root.querySelector('[data-timeline-rows]');
      const rowsScroll = rowsElement !== null && rowsElement.scrollHeight > rowsElement.clientHeight;
      const overRows = target.closest('[data-timeline-rows]') !== null;
      const pixels = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : 1;
      const horizontal = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY);
      if (horizontal) {
        const delta = (event.shiftKey ? event.deltaY || event.deltaX : event.deltaX) * pixels;
        change(panRange(current.range, (delta / Math.max(1, current.widthPx)) * (current.range.end - current.range.start)));
      } else if (event.ctrlKey || event.metaKey || !overRows || !rowsScroll) {
        change(zoomRange(current.range, timeAtClientX(event.clientX), Math.exp(event.deltaY * pixels * WHEEL_ZOOM_PER_PIXEL)));
      } else {
        return; // an ordinary wheel over rows that scroll scrolls them
      }
      event.preventDefault();
    };
    root.addEventListener('wheel', onWheel, { passive: false });
    return () => root.removeEventListener('wheel', onWheel);
  }, [timeAtClientX]);

  const onPointerDown = (event: React.PointerEvent) => {
    if (event.button !== 0 || !(event.target as Element).closest('[data-plot]')) return;
    drag.current = { pointerId: event.pointerId, startX: event.clientX, startView: view, dragging: false };
    suppressClick.current = false;
  };

  const onPointerMove = (event: React.PointerEvent) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const dx = event.clientX - current.startX;
    if (!current.dragging) {
      if (Math.abs(dx) < DRAG_THRESHOLD_PX) return;
      current.dragging = true;
      suppressClick.current = true;
      rootRef.current?.setPointerCapture(event.pointerId);
      setPointer(null);
    }
    const span = current.startView.end - current.startView.start;
    onViewChange(panRange(current.startView, (-dx / Math.max(1, width)) * span));
  };

  const endDrag = (event: React.PointerEvent) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    if (rootRef.current?.hasPointerCapture(event.pointerId)) rootRef.current.releasePointerCapture(event.pointerId);
    drag.current = null;
  };

  const open = useCallback(
    (entry: TimelineEntry) => {
      if (suppressClick.current) return;
      onOpen(entry);
    },
    [onOpen],
  );

  const onKeyDown = (event: React.KeyboardEvent) => {
    const span = view.end - view.start;
    const centre = (view.start + view.end) / 2;
    const step = span * (event.shiftKey ? 5 * KEY_PAN_FRACTION : KEY_PAN_FRACTION);
    const actions: Record<string, () => void> = {
      ArrowLeft: () => onViewChange(panRange(view, -step)),
      ArrowRight: () => onViewChange(panRange(view, step)),
      '+': () => onViewChange(zoomRange(view, centre, KEY_ZOOM_FACTOR)),
      '=': () => onViewChange(zoomRange(view, centre, KEY_ZOOM_FACTOR)),
      '-': () => onViewChange(zoomRange(view, centre, 1 / KEY_ZOOM_FACTOR)),
      '0': onFit,
    };
    const action = actions[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  };

  const onCurveMove = (event: React.PointerEvent) => {
    if (drag.current?.dragging) return;
    const time = timeAtClientX(event.clientX);
    setReadout({ time, ...curveValueAt(curve, time) });
  };

  const rowsHeight = Math.min(maxRowsHeightPx, rows.length * ROW_HEIGHT_PX);
  const tooltipLeft = pointer ? (pointer.clientX + 14 + TOOLTIP_WIDTH_PX > window.innerWidth ? pointer.clientX - TOOLTIP_WIDTH_PX - 14 : pointer.clientX + 14) : 0;
  const ready = width > 0;

  return (
    <div
      ref={rootRef}
      data-timeline
      role="group"
      aria-roledescription="timeline"
      aria-label={label}
      aria-describedby={hintId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      className="relative touch-none rounded-md border border-zinc-200 bg-white select-none dark:border-zinc-800 dark:bg-zinc-900"
    >
      <p id={hintId} className="sr-only">
        Each row is a job: its label opens it, ↑ and ↓ move between rows. With the chart focused, ← and → pan, + and − zoom, 0 fits
        all jobs. Wheel over the axis or the curve zooms, drag pans.
      </p>
      <div className="flex overflow-hidden border-b border-zinc-200 [scrollbar-gutter:stable] dark:border-zinc-800">
        <div className="shrink-0 self-end px-1 pb-1 text-[10px] text-zinc-500 dark:text-zinc-400" style={{ width: LABEL_WIDTH_PX }}>
          {axis === 'clock' ? dateOf(view.start) : 'Time since each batch began'}
        </div>
        <div ref={plotRef} className="min-w-0 flex-1">
          {ready ? <TimeAxis scale={scale} ticks={ticks} axis={axis} /> : null}
        </div>
      </div>

      <div className="relative">
        {ready ? (
          <div className="absolute top-0 bottom-0" style={{ left: LABEL_WIDTH_PX }}>
            <GridLines scale={scale} ticks={ticks} height={rowsHeight} nowTime={now - origin} />
          </div>
        ) : null}
        {ready ? (
          <TimelineRows rows={rows} scale={scale} origin={origin} now={now} maxHeightPx={maxRowsHeightPx} onPoint={setPointer} onOpen={open} />
        ) : (
          <div style={{ height: rowsHeight }} />
        )}
      </div>

      <div className="flex overflow-hidden border-t border-zinc-200 [scrollbar-gutter:stable] dark:border-zinc-800">
        <div className="shrink-0 px-1 py-1 text-[10px] leading-4 text-zinc-500 dark:text-zinc-400" style={{ width: LABEL_WIDTH_PX }} aria-live="off">
          <p>
            <span className="font-medium text-sky-700 dark:text-sky-400">▬ running</span> ·{' '}
            <span className="font-medium text-zinc-600 dark:text-zinc-300">╌ queued</span> · top {Math.max(1, curvePeak)}
          </p>
          {readout ? (
            <p data-curve-readout className="tabular-nums">
              {formatAxisTime(readout.time, 1, axis)}: {readout.running} running, {readout.queued} queued
            </p>
          ) : (
            <p>Point at the curve for counts</p>
          )}
        </div>
        <div className="min-w-0 flex-1" onPointerMove={onCurveMove} onPointerLeave={() => setReadout(null)}>
          {ready ? <ConcurrencyStrip curve={curve} scale={scale} peak={curvePeak} /> : null}
        </div>
      </div>

      {pointer && !drag.current?.dragging ? <TimelineTooltip entry={pointer.entry} now={now} left={tooltipLeft} top={pointer.clientY + 14} /> : null}
    </div>
  );
}
