import type { SessionTarget } from './types';

/** True when both name the same database, schema, warehouse and role. */
export function sameTarget(a: SessionTarget, b: SessionTarget): boolean {
  return a.database === b.database && a.schema === b.schema && a.warehouse === b.warehouse && a.role === b.role;
}
