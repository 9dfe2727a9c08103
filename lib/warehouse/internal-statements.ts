import 'server-only';
/**
 * How Flurry runs its own reads (history, SHOW, cancels, identity): under its internal tag,
 * because those statements are in the warehouse's history too and must not be taken for work
 * another client ran; and each counted, with how long it took, in today's tally of Flurry's own
 * statements (the health badge shows it).
 */
import { recordOwnStatement } from './own-statements';
import { INTERNAL_QUERY_TAG } from './query-tag';
import { execute, type Binds, type Connection, type ExecuteOptions, type ExecuteResult } from './sdk';

async function runInternal<R>(connection: Connection, sqlText: string, options: Omit<ExecuteOptions, 'parameters'>): Promise<ExecuteResult<R>> {
  const sentAt = Date.now();
  try {
    return await execute<R>(connection, sqlText, { ...options, parameters: { QUERY_TAG: INTERNAL_QUERY_TAG } });
  } finally {
    const endedAt = Date.now();
    recordOwnStatement(endedAt - sentAt, endedAt);
  }
}

/** An internal read's rows, each as an object of its columns (SHOW …, table functions). */
export async function internalRows(connection: Connection, sqlText: string, binds?: Binds): Promise<Record<string, unknown>[]> {
  const { rows } = await runInternal<Record<string, unknown>>(connection, sqlText, { binds, rowMode: 'object' });
  return rows;
}

/** The first cell of an internal statement's answer (a SYSTEM$ function's words). */
export async function internalAnswer(connection: Connection, sqlText: string, binds: Binds): Promise<unknown> {
  const { rows } = await runInternal<unknown[]>(connection, sqlText, { binds, rowMode: 'array' });
  return rows[0]?.[0];
}
