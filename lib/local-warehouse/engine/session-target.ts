import type { SessionTarget } from './types';

/**
 * True when a statement that ran in `ranIn` left the session as it was: the same database,
 * schema, warehouse and role, and no query tag, variables or parameters set.
 */
export function staysInPlace(final: SessionTarget, ranIn: SessionTarget): boolean {
  return (
    final.database === ranIn.database &&
    final.schema === ranIn.schema &&
    final.warehouse === ranIn.warehouse &&
    final.role === ranIn.role &&
    final.queryTag === undefined &&
    final.variables === undefined &&
    final.parameters === undefined
  );
}
