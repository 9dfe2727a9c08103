/**
 * How many downloads may run at once, counted per group (a caller; all read-only callers
 * together). A download is a long stream that holds a warehouse result open and a core busy, so
 * a caller gets a few at a time and the next waits until one ends. In memory, one dashboard
 * process; no clock: a slot is held until its download releases it.
 */
import type { Caller } from './access';

export interface SlotLimit {
  /** The group counted, e.g. `caller:full:alice`. */
  group: string;
  /** How many downloads the group may have running at once. */
  max: number;
  /** What a caller refused by this limit is told. */
  refusal: string;
}

export type SlotGrant = { granted: true; release: () => void } | { granted: false; refusedBy: SlotLimit };

export interface ExportSlots {
  /** Takes a slot in every group, or none: refused by the first group that is full. */
  take(limits: readonly SlotLimit[]): SlotGrant;
  /** Downloads the group has running now. */
  running(group: string): number;
}

export function createExportSlots(): ExportSlots {
  const counts = new Map<string, number>();
  const running = (group: string) => counts.get(group) ?? 0;

  return {
    take(limits) {
      const full = limits.find((limit) => running(limit.group) >= limit.max);
      if (full) return { granted: false, refusedBy: full };
      for (const { group } of limits) counts.set(group, running(group) + 1);
      let released = false;
      return {
        granted: true,
        // A download ends in more than one way at once (its stream closes as its client goes);
        // only the first release counts.
        release() {
          if (released) return;
          released = true;
          for (const { group } of limits) {
            const left = running(group) - 1;
            if (left > 0) counts.set(group, left);
            else counts.delete(group);
          }
        },
      };
    },
    running,
  };
}

/** CSV downloads one caller may run at once. */
export const EXPORTS_PER_CALLER = 2;

/**
 * CSV downloads all read-only callers may run at once between them. A read-only session names
 * itself at sign-in, so one person could sign in under many names: this cap keeps them from
 * taking the dashboard's cores from those who run the jobs.
 */
export const READ_ONLY_EXPORTS = 4;

/** The groups a caller's CSV download counts in. */
export function csvExportLimits(caller: Pick<Caller, 'name' | 'access'>): SlotLimit[] {
  const own: SlotLimit = {
    group: `caller:${caller.access}:${caller.name}`,
    max: EXPORTS_PER_CALLER,
    refusal: `You already have ${EXPORTS_PER_CALLER} CSV downloads running; wait until one finishes (or stop it), then try again.`,
  };
  if (caller.access === 'full') return [own];
  return [
    own,
    {
      group: 'read-only',
      max: READ_ONLY_EXPORTS,
      refusal: `Read-only sessions already have ${READ_ONLY_EXPORTS} CSV downloads running between them; try again when one finishes.`,
    },
  ];
}
