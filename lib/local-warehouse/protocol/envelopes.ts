/**
 * The JSON bodies the protocol answers with, shaped as snowflake-sdk reads them
 * (https://github.com/snowflakedb/snowflake-connector-nodejs/blob/v3.1.0/lib/connection/result/result.js,
 * https://github.com/snowflakedb/snowflake-connector-nodejs/blob/v3.1.0/lib/services/sf.js).
 * Pure functions of engine records and session state.
 */
import type { EncodedResult, QueryRecord, SnowflakeError } from '../engine/types';
import { snowflakeErrors } from '../engine/snowflake-errors';
import { chunkFields } from './result-chunks';
import { parameterList, type SessionParameters } from './session-parameters';
import type { Session } from './sessions';

export type Envelope = Record<string, unknown>;

export const QUERY_IN_PROGRESS = '333333';
export const QUERY_IN_PROGRESS_ASYNC = '333334';

/** The version the local warehouse reports for itself in login answers. */
export const SERVER_VERSION = '9.0.0-flurry-local';

export function ok(data: unknown): Envelope {
  return { data, code: null, message: null, success: true };
}

export function resultUrl(queryId: string): string {
  return `/queries/${queryId}/result`;
}

export function loginEnvelope(session: Session, validitySeconds: number, masterValiditySeconds: number): Envelope {
  const { context } = session;
  return ok({
    token: session.token,
    masterToken: session.masterToken,
    validityInSeconds: validitySeconds,
    masterValidityInSeconds: masterValiditySeconds,
    sessionId: context.sessionId,
    serverVersion: SERVER_VERSION,
    displayUserName: context.user,
    firstLogin: false,
    parameters: parameterList(session.parameters),
    sessionInfo: {
      databaseName: context.database,
      schemaName: context.schema,
      warehouseName: context.warehouse,
      roleName: context.role,
    },
    idToken: null,
    mfaToken: null,
  });
}

/** The RENEW answer; snowflake-sdk's TokenInfo.update reads these `ST`/`MT` names too. */
export function renewEnvelope(session: Session, validitySeconds: number, masterValiditySeconds: number): Envelope {
  return ok({
    sessionToken: session.token,
    validityInSecondsST: validitySeconds,
    masterToken: session.masterToken,
    validityInSecondsMT: masterValiditySeconds,
    sessionId: session.context.sessionId,
  });
}

/** 333334 for an async submit, 333333 for a synchronous one still running: poll getResultUrl. */
export function inProgressEnvelope(queryId: string, code: typeof QUERY_IN_PROGRESS | typeof QUERY_IN_PROGRESS_ASYNC): Envelope {
  const message =
    code === QUERY_IN_PROGRESS_ASYNC
      ? 'Asynchronous execution in progress. Use provided query id to perform query monitoring and management.'
      : 'Query execution in progress. Use the getResultUrl to fetch the result.';
  return {
    data: { queryId, getResultUrl: resultUrl(queryId), queryAbortsAfterSecs: 300, progressDesc: null },
    code,
    message,
    success: true,
  };
}

/** The error a failed or aborted query reports; engines may leave it null for an abort. */
export function queryError(record: QueryRecord): SnowflakeError {
  return record.error ?? snowflakeErrors.canceled();
}

/** HTTP 200 with success:false, as Snowflake answers a statement that failed. */
export function failureEnvelope(record: QueryRecord): Envelope {
  const error = queryError(record);
  return {
    data: { queryId: record.id, sqlState: error.sqlState, errorCode: error.code },
    code: error.code,
    message: error.message,
    success: false,
  };
}

/**
 * A result as Snowflake answers it. `origin` is where the client reached the warehouse, for the
 * chunks' urls. `returned` counts the chunks' rows too: snowflake-sdk streams rows up to it.
 */
export function resultEnvelope(record: QueryRecord, result: EncodedResult, parameters: SessionParameters, origin: string): Envelope {
  return ok({
    queryId: record.id,
    rowtype: result.rowtype,
    rowset: result.rowset,
    ...chunkFields(origin, record.id, result.chunks),
    total: result.total,
    returned: result.chunks.reduce((rows, chunk) => rows + chunk.rowCount, result.rowset.length),
    parameters: parameterList(parameters),
    statementTypeId: result.statementTypeId,
    version: 1,
    finalDatabaseName: record.final.database,
    finalSchemaName: record.final.schema,
    finalWarehouseName: record.final.warehouse,
    finalRoleName: record.final.role,
    queryResultFormat: 'json',
  });
}

export function isEnded(record: QueryRecord): boolean {
  return record.status === 'SUCCESS' || record.status === 'FAILED_WITH_ERROR' || record.status === 'ABORTED';
}

/**
 * GET /monitoring/queries/{id}, shaped as Snowflake answers it: the call itself succeeded, so the
 * top-level `code` and `message` are null, and a failed query's code and message sit in its
 * `queries[0]` entry. snowflake-sdk's getQueryStatusThrowIfError therefore throws code -1 with
 * the query's message, as it does against Snowflake
 * (https://github.com/snowflakedb/snowflake-connector-nodejs/blob/v3.1.0/lib/connection/connection.js).
 * The other fields are those JDBC reads; times are epoch ms, endTime 0 while running.
 */
export function monitoringEnvelope(record: QueryRecord | null, now: number): Envelope {
  if (!record) return ok({ queries: [] });
  const failed = record.status === 'FAILED_WITH_ERROR' || record.status === 'ABORTED';
  const error = failed ? queryError(record) : null;
  const ended = isEnded(record);
  const endTime = ended ? (record.endedAt ?? now) : 0;
  const query = {
    id: record.id,
    status: record.status,
    state: record.status,
    errorCode: error?.code ?? null,
    errorMessage: error?.message ?? null,
    sqlText: record.sqlText,
    startTime: record.queuedAt,
    endTime,
    totalDuration: (ended ? endTime : now) - record.queuedAt,
    sessionId: record.sessionId,
    warehouseId: 0,
    warehouseName: record.warehouse,
    warehouseExternalSize: 'X-Small',
    warehouseServerType: 'STANDARD',
    queryTag: record.queryTag,
    stats: {
      queuedOverloadTime: (record.startedAt ?? (ended ? endTime : now)) - record.queuedAt,
      producedRows: record.rowCount,
    },
  };
  return {
    data: { queries: [query], ...(error ? { sqlState: error.sqlState } : {}) },
    code: null,
    message: null,
    success: true,
  };
}
