/**
 * A session's database, schema, warehouse, role and query tag follow its USE and ALTER SESSION
 * statements, its variables its SET and UNSET, its parameters its ALTER SESSION. The engine
 * reports where each statement left the session (QueryRecord.final); the session moves there
 * when the protocol answers with that statement's result, as Snowflake's session does when the
 * statement runs. A result fetched late for an older statement never undoes a newer one.
 */
import { staysInPlace } from '../engine/session-target';
import type { QueryRecord } from '../engine/types';
import type { Session } from './sessions';

/** When the newest statement that moved each session was submitted (epoch ms). */
const movedAt = new WeakMap<Session, number>();

export function followStatement(session: Session, record: QueryRecord): void {
  const { context } = session;
  // A multi-statement request's statements moved the session as they ran, also when a later one failed.
  const multiStatement = record.queryType === 'MULTI_STATEMENT' && record.childQueryIds.length > 0;
  if (staysInPlace(record.final, record) || record.sessionId !== context.sessionId) return;
  if (record.status !== 'SUCCESS' && !multiStatement) return;
  // Its statements were submitted after it, while it ran; their results, fetched after its own,
  // must not move the session back to where one of them left it.
  const at = multiStatement ? (record.endedAt ?? record.queuedAt) : record.queuedAt;
  if ((movedAt.get(session) ?? -Infinity) > at) return;
  movedAt.set(session, at);
  const { variables, parameters, ...target } = record.final;
  Object.assign(context, target);
  if (variables) session.variables = variables;
  if (parameters) session.parameters = { ...parameters };
}
