/**
 * Pieces of warehouse SQL built from values. Values are always bound, never spliced into text.
 */
import type { Binds } from './sdk';

/** Placeholders and binds for `x IN (…)`; callers pass at least one value. */
export function inList(values: readonly string[]): { sql: string; binds: Binds } {
  return { sql: values.map(() => '?').join(', '), binds: [...values] };
}

/** Bare or double-quoted identifier parts joined by dots: what qualifiedName() writes. */
const QUALIFIED_NAME = /^(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")(?:\.(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")){0,2}$/;

/**
 * A service name checked to be only identifier parts, so it may stand in SQL where a bind cannot
 * (SHOW … IN SERVICE <name>). Throws on anything else rather than splice it.
 */
export function serviceIdentifier(name: string): string {
  if (!QUALIFIED_NAME.test(name)) throw new Error(`"${name}" is not a service name (DB.SCHEMA.NAME).`);
  return name;
}

/** A time as a TIMESTAMP_LTZ literal both warehouses read the same way (ISO 8601 with its offset). */
export function timestampText(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}
