import type { Phase } from '@/lib/domain/status';

/** A running segment takes its job's phase colour (the final one once it ended), as the badges do. */
export const RUNNING_FILL: Record<Phase, string> = {
  queued: 'fill-zinc-400 dark:fill-zinc-500',
  running: 'fill-sky-500 dark:fill-sky-400',
  succeeded: 'fill-emerald-500 dark:fill-emerald-400',
  failed: 'fill-red-500 dark:fill-red-400',
  cancelled: 'fill-amber-500 dark:fill-amber-400',
  skipped: 'fill-zinc-300 dark:fill-zinc-600',
};

/** Waiting reads as the same job, fainter: queued time is never mistaken for work. */
export const QUEUED_FILL = 'fill-zinc-300 dark:fill-zinc-700';

export const LABEL_WIDTH_PX = 232;
export const ROW_HEIGHT_PX = 22;
export const BAR_HEIGHT_PX = 12;
export const AXIS_HEIGHT_PX = 26;
export const CURVE_HEIGHT_PX = 64;
