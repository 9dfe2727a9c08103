/**
 * Query endpoints: submit (sync and asyncExec), result, monitoring and both abort forms
 * (as snowflake-sdk calls them, https://github.com/snowflakedb/snowflake-connector-nodejs/blob/v3.1.0/lib/services/sf.js and
 * https://github.com/snowflakedb/snowflake-connector-nodejs/blob/v3.1.0/lib/connection/result/result.js).
 * A request never waits longer than `syncWaitMs` for the engine: past that it answers 333333 and
 * the driver polls getResultUrl, so its own 90 s request timeout never fires.
 */
import type { IncomingMessage } from 'node:http';
import { decodeBindings } from './bindings';
import type { ProtocolDeps } from './deps';
import {
  QUERY_IN_PROGRESS,
  QUERY_IN_PROGRESS_ASYNC,
  failureEnvelope,
  inProgressEnvelope,
  isEnded,
  monitoringEnvelope,
  ok,
  resultEnvelope,
  type Envelope,
} from './envelopes';
import { CODES, ProtocolError, badRequest, fromSnowflakeError, statementNotFound, unsupported } from './errors';
import { snowflakeErrors } from '../engine/snowflake-errors';
import { mayReadResult, mayWatch } from '../engine/query-access';
import type { QueryRecord } from '../engine/types';
import { requireQueryId } from './query-id';
import { expectObject, readJsonBody } from './request-body';
import { requestOrigin } from './result-chunks';
import { reply, type Reply, type Route, type RouteContext } from './router';
import { followStatement } from './session-context';
import type { Session } from './sessions';

/** The result of a query once it has ended, or 333333 if it is still running after the wait. */
async function answerWhenEnded(deps: ProtocolDeps, queryId: string, session: Session, request: IncomingMessage): Promise<Reply> {
  const record = await deps.engine.waitForEnd(queryId, deps.syncWaitMs);
  if (!record) throw statementNotFound(queryId);
  if (!isEnded(record)) return reply(inProgressEnvelope(record.id, QUERY_IN_PROGRESS));
  // Before the failure answer too: a failed multi-statement request's earlier statements moved the session.
  followStatement(session, record);
  if (record.status !== 'SUCCESS') return reply(failureEnvelope(record));
  const result = await deps.engine.readResult(record.id);
  if (!result) {
    throw new ProtocolError(CODES.RESULT_EXPIRED, `Result for query ${record.id} has expired.`, {
      sqlState: '02000',
      data: { queryId: record.id },
    });
  }
  const envelope = resultEnvelope(record, result, session.parameters, requestOrigin(request));
  // A script's children are its own business; only a multi-statement request's are results to fetch.
  const multiStatement = record.queryType === 'MULTI_STATEMENT' && record.childQueryIds.length > 0;
  return reply(multiStatement ? withResultIds(envelope, record.childQueryIds) : envelope);
}

/**
 * A multi-statement request's answer also names its statements' queries, comma-separated
 * in `data.resultIds`; snowflake-sdk then fetches each one's result in turn (hasNext/NextResult).
 */
function withResultIds(envelope: Envelope, childQueryIds: string[]): Envelope {
  return { ...envelope, data: { ...(envelope.data as Envelope), resultIds: childQueryIds.join(',') } };
}

/** MULTI_STATEMENT_COUNT as sent (a number or its text): how many statements the text must hold, 0 for any. */
function multiStatementCount(parameters: Record<string, unknown>): number | undefined {
  const count = parameters.MULTI_STATEMENT_COUNT;
  if (count === undefined || count === null) return undefined;
  const value = typeof count === 'number' || typeof count === 'string' ? Number(count) : NaN;
  if (!Number.isInteger(value) || value < 0) {
    // A statement's error (HTTP 200), not a malformed request: drivers show its message only then.
    throw fromSnowflakeError(
      snowflakeErrors.compilation(`The statement parameter MULTI_STATEMENT_COUNT must be a whole number ≥ 0 (0: any number); got ${JSON.stringify(count)}.`),
    );
  }
  return value;
}

function statementParameters(body: Record<string, unknown>): Record<string, unknown> {
  if (body.parameters === undefined || body.parameters === null) return {};
  return expectObject(body.parameters, 'The query-request body\'s "parameters"');
}

async function submitQuery(deps: ProtocolDeps, { request, url }: RouteContext): Promise<Reply> {
  const session = deps.sessions.authenticate(request.headers.authorization);
  const body = expectObject(await readJsonBody(request, deps.bodyLimitBytes), 'The query-request body');
  if (typeof body.sqlText !== 'string') {
    throw badRequest(`The query-request body's "sqlText" must be a string; got ${body.sqlText === undefined ? 'nothing' : typeof body.sqlText}.`);
  }
  if (body.describeOnly === true) throw unsupported('describeOnly');
  if (body.bindStage !== undefined && body.bindStage !== null) throw unsupported('bindStage (stage array binding)');
  const parameters = statementParameters(body);
  const record = await deps.engine.submit({
    sqlText: body.sqlText,
    requestId: url.searchParams.get('requestId') || null,
    session: {
      ...session.context,
      // A statement's QUERY_TAG overrides the session's, as in Snowflake.
      queryTag: typeof parameters.QUERY_TAG === 'string' ? parameters.QUERY_TAG : session.context.queryTag,
    },
    binds: decodeBindings(body.bindings),
    // A statement's MULTI_STATEMENT_COUNT overrides the session's (ALTER SESSION), as in Snowflake.
    multiStatementCount: multiStatementCount({ MULTI_STATEMENT_COUNT: session.parameters.MULTI_STATEMENT_COUNT, ...parameters }),
    settings: { variables: session.variables, parameters: session.parameters },
  });
  if (body.asyncExec === true) return reply(inProgressEnvelope(record.id, QUERY_IN_PROGRESS_ASYNC));
  return answerWhenEnded(deps, record.id, session, request);
}

/** The query, or null when it does not exist or `allowed` refuses this session it (answered alike). */
async function reachableQuery(
  deps: ProtocolDeps,
  queryId: string,
  session: Session,
  allowed: (caller: Session['context'], query: QueryRecord) => boolean,
): Promise<QueryRecord | null> {
  const record = await deps.engine.get(queryId);
  return record && allowed(session.context, record) ? record : null;
}

async function cancelById(deps: ProtocolDeps, queryId: string, session: Session): Promise<Reply> {
  if (!(await reachableQuery(deps, queryId, session, mayWatch))) throw statementNotFound(queryId);
  if (deps.engine.cancel(queryId)) return reply(ok(null));
  throw new ProtocolError(CODES.NOT_EXECUTING, `Identified SQL statement ${queryId} is not currently executing.`, {
    data: { queryId },
  });
}

async function cancelByRequestId(deps: ProtocolDeps, { request }: RouteContext): Promise<Reply> {
  const session = deps.sessions.authenticate(request.headers.authorization);
  const body = expectObject(await readJsonBody(request, deps.bodyLimitBytes), 'The abort-request body');
  if (typeof body.requestId !== 'string' || body.requestId === '') {
    throw badRequest('The abort-request body\'s "requestId" must be a non-empty string.');
  }
  if (deps.engine.cancelByRequestId(body.requestId, session.context.user)) return reply(ok(null));
  throw new ProtocolError(
    CODES.NOT_EXECUTING,
    `No SQL statement with request id ${body.requestId} is currently executing.`,
  );
}

/** Authenticates, then hands the route's validated query id to `handle`. */
function withQueryId(deps: ProtocolDeps, handle: (queryId: string, session: Session, request: IncomingMessage) => Promise<Reply> | Reply) {
  return ({ request, params }: RouteContext) => {
    const session = deps.sessions.authenticate(request.headers.authorization);
    return handle(requireQueryId(params.queryId), session, request);
  };
}

export function queryRoutes(deps: ProtocolDeps): Route[] {
  return [
    { method: 'POST', path: /^\/queries\/v1\/query-request$/, handler: (context) => submitQuery(deps, context) },
    // Listed before /queries/{id}/abort-request, whose pattern would also match "v1".
    { method: 'POST', path: /^\/queries\/v1\/abort-request$/, handler: (context) => cancelByRequestId(deps, context) },
    {
      method: 'POST',
      path: /^\/queries\/(?<queryId>[^/]+)\/abort-request$/,
      handler: withQueryId(deps, (queryId, session) => cancelById(deps, queryId, session)),
    },
    {
      method: 'GET',
      path: /^\/queries\/(?<queryId>[^/]+)\/result$/,
      handler: withQueryId(deps, async (queryId, session, request) => {
        if (!(await reachableQuery(deps, queryId, session, mayReadResult))) throw statementNotFound(queryId);
        return answerWhenEnded(deps, queryId, session, request);
      }),
    },
    {
      method: 'GET',
      path: /^\/monitoring\/queries\/(?<queryId>[^/]+)$/,
      handler: withQueryId(deps, async (queryId, session) =>
        reply(monitoringEnvelope(await reachableQuery(deps, queryId, session, mayWatch), deps.now())),
      ),
    },
  ];
}
