/**
 * A session's database, schema, warehouse and role follow its USE statements. The engine
 * reports where each statement left the session (QueryRecord.final); the session moves there
 * when the protocol answers with that statement's result, as Snowflake's session does when the
 * statement runs. A result fetched late for an older statement never undoes a newer USE.
 */
import { sameTarget } from '../engine/session-target';
import type { QueryRecord } from '../engine/types';
import type { Session } from './sessions';

/** When the newest statement that moved each session was submitted (epoch ms). */
const movedAt = new WeakMap<Session, number>();

export function followStatement(session: Session, record: QueryRecord): void {
  const { context } = session;
  if (sameTarget(record.final, record) || record.status !== 'SUCCESS' || record.sessionId !== context.sessionId) return;
  if ((movedAt.get(session) ?? -Infinity) > record.queuedAt) return;
  movedAt.set(session, record.queuedAt);
  Object.assign(context, record.final);
}
