/**
 * Pieces of warehouse SQL built from values. Values are always bound, never spliced into text.
 */
import type { Binds } from './sdk';

/** Placeholders and binds for `x IN (…)`; callers pass at least one value. */
export function inList(values: readonly string[]): { sql: string; binds: Binds } {
  return { sql: values.map(() => '?').join(', '), binds: [...values] };
}
