'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { memo, useEffect, useRef } from 'react';
import { PHASE_LABELS } from '@/components/status-badge';
import { formatDuration } from '@/lib/domain/format';
import type { TimelineEntry } from '@/lib/domain/job';
import { entryDurations } from '@/lib/domain/timeline';
import { timeToX, type TimeScale } from '@/lib/domain/timeline-view';
import { isTerminal } from '@/lib/domain/status';
import { BAR_HEIGHT_PX, LABEL_WIDTH_PX, QUEUED_FILL, ROW_HEIGHT_PX, RUNNING_FILL } from './bar-style';

/** Rows drawn beyond the visible ones, so a fast scroll does not show blanks. */
const OVERSCAN_ROWS = 10;
/** The shortest bar drawn: a 3 ms job is still there to hover and click. */
const MIN_BAR_PX = 2;

export interface RowPointer {
  entry: TimelineEntry;
  /** Where to show its details, in viewport coordinates. */
  clientX: number;
  clientY: number;
}

interface RowsProps {
  rows: readonly TimelineEntry[];
  scale: TimeScale;
  /** Subtracted from a job's times to place them on the chart's clock. */
  origin: number;
  now: number;
  maxHeightPx: number;
  onPoint: (pointer: RowPointer | null) => void;
  onOpen: (entry: TimelineEntry) => void;
}

/** Marks a critical-path bar: an outline that reads on every phase colour. */
const MARKED_STROKE = 'stroke-amber-500 stroke-2';

export function entryHref(entry: TimelineEntry): string {
  return entry.href ?? `/jobs/${encodeURIComponent(entry.id)}`;
}

/** What a screen reader hears for a row: the job, its outcome and its times. */
function describeRow(entry: TimelineEntry, now: number): string {
  const { queuedMs, runningMs } = entryDurations(entry, now);
  const parts = [`${entry.title}: ${PHASE_LABELS[entry.phase]} (${entry.rawStatus})${entry.marked ? ', on the critical path' : ''}`];
  if (queuedMs === null) parts.push('not submitted yet');
  else parts.push(`queued ${formatDuration(queuedMs)}`);
  if (runningMs !== null) parts.push(`${isTerminal(entry.phase) ? 'ran' : 'running for'} ${formatDuration(runningMs)}`);
  return parts.join(', ');
}

function segment(scale: TimeScale, from: number, to: number): { x: number; width: number } | null {
  const left = timeToX(scale, from);
  const right = timeToX(scale, to);
  if (right < 0 || left > scale.widthPx) return null;
  // Clipped to the chart (a bar days long at a fine zoom is not a million-pixel rect).
  const x = Math.max(-1, left);
  const width = Math.max(MIN_BAR_PX, Math.min(scale.widthPx + 1, right) - x);
  return { x, width };
}

const Bar = memo(function Bar({ entry, scale, origin, now, onPoint, onOpen }: { entry: TimelineEntry; scale: TimeScale; origin: number; now: number } & Pick<RowsProps, 'onPoint' | 'onOpen'>) {
  if (entry.submittedAt === null) return null;
  const end = entry.endedAt ?? now;
  const queuedTo = entry.startedAt ?? end;
  const queued = queuedTo > entry.submittedAt ? segment(scale, entry.submittedAt - origin, queuedTo - origin) : null;
  const running = entry.startedAt === null ? null : segment(scale, entry.startedAt - origin, end - origin);
  if (!queued && !running) return null;
  const y = (ROW_HEIGHT_PX - BAR_HEIGHT_PX) / 2;
  return (
    <g
      data-bar
      data-job-id={entry.id}
      data-phase={entry.phase}
      data-marked={entry.marked ? '' : undefined}
      className="cursor-pointer"
      onPointerMove={(event) => onPoint({ entry, clientX: event.clientX, clientY: event.clientY })}
      onPointerLeave={() => onPoint(null)}
      onClick={() => onOpen(entry)}
    >
      {queued ? <rect data-segment="queued" x={queued.x} y={y} width={queued.width} height={BAR_HEIGHT_PX} rx={2} className={QUEUED_FILL} /> : null}
      {running ? (
        <rect
          data-segment="running"
          x={running.x}
          y={y}
          width={running.width}
          height={BAR_HEIGHT_PX}
          rx={2}
          className={entry.marked ? `${RUNNING_FILL[entry.phase]} ${MARKED_STROKE}` : RUNNING_FILL[entry.phase]}
        />
      ) : null}
    </g>
  );
});

/**
 * One row per job, only those in (or near) view rendered: 10,000 rows cost what 40 do. Each
 * row's label is a link to the job; ↑/↓ move between rows, Home/End jump to the ends.
 */
export function TimelineRows({ rows, scale, origin, now, maxHeightPx, onPoint, onOpen }: RowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey: (index) => rows[index].id,
  });

  // Focus follows ↑/↓ once the row scrolled to has been rendered.
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const link = scrollRef.current?.querySelector<HTMLAnchorElement>(`[data-row-link="${pendingFocus.current}"]`);
    if (!link) return;
    pendingFocus.current = null;
    link.focus();
  });

  const focusRow = (index: number) => {
    const target = Math.min(rows.length - 1, Math.max(0, index));
    pendingFocus.current = target;
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const link = scrollRef.current?.querySelector<HTMLAnchorElement>(`[data-row-link="${target}"]`);
    if (link) {
      pendingFocus.current = null;
      link.focus();
    }
  };

  const onRowKey = (event: React.KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    event.stopPropagation();
    focusRow(moves[event.key]);
  };

  const onRowFocus = (event: React.FocusEvent<HTMLAnchorElement>, entry: TimelineEntry) => {
    const box = event.currentTarget.getBoundingClientRect();
    onPoint({ entry, clientX: box.right, clientY: box.bottom });
  };

  const height = Math.min(maxHeightPx, rows.length * ROW_HEIGHT_PX);
  return (
    <div ref={scrollRef} data-timeline-rows className="relative overflow-y-auto" style={{ height }}>
      <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = rows[item.index];
          return (
            <div
              key={item.key}
              data-row={item.index}
              className="absolute inset-x-0 top-0 flex hover:bg-zinc-100/70 dark:hover:bg-zinc-800/50"
              style={{ height: ROW_HEIGHT_PX, transform: `translateY(${item.start}px)` }}
            >
              <div className="shrink-0 truncate pr-2 pl-1 text-xs leading-[22px]" style={{ width: LABEL_WIDTH_PX }}>
                <Link
                  href={entryHref(entry)}
                  prefetch={false}
                  data-row-link={item.index}
                  aria-label={describeRow(entry, now)}
                  title={entry.title}
                  onKeyDown={(event) => onRowKey(event, item.index)}
                  onFocus={(event) => onRowFocus(event, entry)}
                  onBlur={() => onPoint(null)}
                  className={`font-mono hover:underline ${entry.marked ? 'font-semibold text-amber-700 dark:text-amber-300' : 'text-zinc-700 dark:text-zinc-300'}`}
                >
                  {entry.title}
                </Link>
              </div>
              <svg data-plot width={scale.widthPx} height={ROW_HEIGHT_PX} className="block shrink-0 cursor-grab" aria-hidden>
                {/* A finished bar does not depend on the clock: it is not redrawn every tick. */}
                <Bar entry={entry} scale={scale} origin={origin} now={entry.endedAt === null ? now : 0} onPoint={onPoint} onOpen={onOpen} />
              </svg>
            </div>
          );
        })}
      </div>
    </div>
  );
}
