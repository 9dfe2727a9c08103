/**
 * The contract between the local warehouse's HTTP protocol layer (../protocol) and its engine.
 * The protocol layer knows sessions, tokens and JSON envelopes; the engine knows SQL, DuckDB,
 * the query lifecycle, history and stored results. Neither reaches into the other.
 */

/** Query statuses the local warehouse reports, as Snowflake's monitoring API names them. */
export type QueryStatus = 'QUEUED' | 'RUNNING' | 'SUCCESS' | 'FAILED_WITH_ERROR' | 'ABORTING' | 'ABORTED';

/** What a session contributes to a query: where it runs and how it is labelled in history. */
export interface SessionContext {
  sessionId: number;
  user: string;
  role: string;
  database: string;
  schema: string;
  warehouse: string;
  queryTag: string;
}

/**
 * The parts of a session's context that its statements can change (USE DATABASE, USE ROLE …).
 * `queryTag` is present only when the statement set the session's tag (ALTER SESSION), and
 * `variables` / `parameters` only when it changed them (SET, UNSET, ALTER SESSION).
 */
export type SessionTarget = Pick<SessionContext, 'database' | 'schema' | 'warehouse' | 'role'> &
  Partial<Pick<SessionContext, 'queryTag'>> &
  Partial<SessionSettings>;

/** A session variable (SET): its Snowflake type, its value as text (null for NULL), when it was set (epoch ms). */
export interface SessionVariable {
  type: RowType['type'];
  value: string | null;
  createdAt: number;
  updatedAt: number;
}

export type ParameterValue = string | number | boolean;

/** What a session's SET and ALTER SESSION (or its login) set: variables and parameters by upper-case name. */
export interface SessionSettings {
  variables: Readonly<Record<string, SessionVariable>>;
  parameters: Readonly<Record<string, ParameterValue>>;
}

/** A Snowflake error: `code` is the 6-digit string Snowflake returns, `sqlState` 5 characters. */
export interface SnowflakeError {
  code: string;
  sqlState: string;
  message: string;
}

/** A query as the engine and its history know it, with the session context it ran in. */
export interface QueryRecord extends SessionContext {
  id: string;
  /** The client's requestId, used to deduplicate retried submissions. */
  requestId: string | null;
  sqlText: string;
  /** Snowflake QUERY_TYPE, e.g. SELECT, CREATE_TABLE_AS_SELECT, INSERT, CALL, UNKNOWN. */
  queryType: string;
  status: QueryStatus;
  /** Epoch ms. */
  queuedAt: number;
  startedAt: number | null;
  endedAt: number | null;
  error: SnowflakeError | null;
  rowCount: number | null;
  /**
   * The session's context once the statement has run: what a successful USE switched to,
   * otherwise the context it ran in. The protocol layer moves the session there.
   */
  final: SessionTarget;
  /**
   * A multi-statement request (queryType MULTI_STATEMENT): its statements' own query ids, in
   * the order they ran (Snowflake's `resultIds`). Empty for any other query.
   */
  childQueryIds: string[];
}

/**
 * A Snowflake column description, exactly as the wire's `rowtype` entries carry it
 * (as snowflake-sdk reads them,
 * https://github.com/snowflakedb/snowflake-connector-nodejs/blob/v3.1.0/lib/connection/result/result.js).
 */
export interface RowType {
  name: string;
  type:
    | 'fixed'
    | 'real'
    | 'text'
    | 'boolean'
    | 'date'
    | 'time'
    | 'timestamp_ntz'
    | 'timestamp_ltz'
    | 'timestamp_tz'
    | 'variant'
    | 'object'
    | 'array'
    | 'binary';
  precision: number | null;
  scale: number | null;
  length: number | null;
  byteLength: number | null;
  nullable: boolean;
  database: string;
  schema: string;
  table: string;
  collation: null;
}

/**
 * A wire cell: Snowflake's JSON encoding of one value, as snowflake-sdk decodes it
 * (https://github.com/snowflakedb/snowflake-connector-nodejs/blob/v3.1.0/lib/connection/result/column.js).
 */
export type WireCell = string | null;

/** Rows of a stored result that a client fetches apart from the first answer (Snowflake's `chunks`). */
export interface ResultChunk {
  /** Index of the chunk's first row in the result. */
  offset: number;
  rowCount: number;
  /** Bytes of the chunk's JSON text, estimated from the average row of the rows sent inline. */
  uncompressedSize: number;
}

/** A page of a stored result, cells already encoded as Snowflake's JSON wire strings. */
export interface EncodedResult {
  rowtype: RowType[];
  rowset: WireCell[][];
  /** Rows in the whole result. */
  total: number;
  /** snowflake-sdk statement_type ids: SELECT 0x1000, INSERT 0x3100, … DDL >= 0x6000. */
  statementTypeId: number;
  /** The rows after `rowset`, in order; empty when `rowset` holds every row asked for. */
  chunks: ResultChunk[];
}

/** A date or time bound with its own type (as drivers other than snowflake-sdk send them). */
export interface TemporalBind {
  type: 'DATE' | 'TIME' | 'TIMESTAMP_NTZ' | 'TIMESTAMP_LTZ' | 'TIMESTAMP_TZ';
  /** Nanoseconds since 1970-01-01 00:00 UTC; for TIME, since midnight. */
  nanos: bigint;
}

/** One bound value, decoded from the wire: BINARY binds are bytes, VARIANT ones JSON text. */
export type BindValue = null | boolean | number | bigint | string | Uint8Array | TemporalBind;

export interface SubmitRequest {
  sqlText: string;
  requestId: string | null;
  session: SessionContext;
  /**
   * Positional binds, already decoded from the wire ("1" → first). With array binding (one
   * statement for many rows) every position holds an array with one value per row.
   */
  binds?: (BindValue | BindValue[])[];
  /**
   * The request's MULTI_STATEMENT_COUNT: how many statements the text must hold, 0 for any
   * number. Absent means 1, Snowflake's default.
   */
  multiStatementCount?: number;
  /** The session's variables and the parameters it set; absent: none (every parameter at its default). */
  settings?: SessionSettings;
}

export interface Engine {
  /**
   * Queue a query and resolve with its record at once (it does not wait for the query to run).
   * A second submit with the same non-null requestId, by the same user with the same SQL text,
   * resolves with the first query instead of running it again, even after that query has ended
   * (a retry, https://docs.snowflake.com/en/developer-guide/sql-api/submitting-requests); another
   * user's, or other SQL, runs as a query of its own. Async because finished queries live
   * only in the DuckDB history, not in memory.
   */
  submit(request: SubmitRequest): Promise<QueryRecord>;
  /** The record by id (live, or from the DuckDB history), or null when the id is unknown. */
  get(queryId: string): Promise<QueryRecord | null>;
  /** Resolves with the record once it has ended or `timeoutMs` has passed, whichever is first. */
  waitForEnd(queryId: string, timeoutMs: number): Promise<QueryRecord | null>;
  /** Cancel a queued or running query. Returns false when it is unknown or already ended. */
  cancel(queryId: string): boolean;
  /** Cancel by the client's requestId (the `/queries/v1/abort-request` form), among `user`'s queries. */
  cancelByRequestId(requestId: string, user: string): boolean;
  /**
   * The stored result of a successful query, or null when it has none or has expired. With a
   * `limit`, rows [offset, offset + limit) inline and no chunks. Without, the answer Snowflake
   * gives a client: the first rows inline and the rest described as chunks (result-chunks.ts),
   * so a result of any size is never read whole.
   */
  readResult(queryId: string, offset?: number, limit?: number): Promise<EncodedResult | null>;
  /**
   * Rows [offset, offset + limit) of a stored result as DuckDB reads them from its file, a few
   * thousand rows per page, so only a page is in memory at a time; null when the query has no
   * stored result (unknown, failed or expired). Serves the chunks readResult describes.
   */
  streamResultRows(queryId: string, offset: number, limit: number): Promise<AsyncIterable<WireCell[][]> | null>;
  /** Removes ended queries from history with their results: for the warehouse's own housekeeping. */
  forget(queryIds: string[]): Promise<void>;
  /** Stop accepting work, cancel what runs, flush history and close DuckDB. */
  close(): Promise<void>;
}

export interface EngineOptions {
  /** Folder for the warehouse's DuckDB files. */
  dataDir: string;
  /** Queries that may run at once; more wait as QUEUED. */
  concurrency: number;
  /** Seconds a result stays retrievable after its query ends (Snowflake: 86400). */
  resultRetentionSeconds: number;
  /** Database and schema a new session starts in. */
  defaultDatabase: string;
  defaultSchema: string;
  defaultWarehouse: string;
  /** Replaceable clock (epoch ms) for tests. */
  now?: () => number;
  /** Job services and compute pools (../services); without it the engine answers none of their statements. */
  serviceStatements?: import('./service-statements').OpenServiceStatements;
  /** Tasks and their scheduler (../tasks); without it the engine answers no task statements. */
  taskStatements?: import('./service-statements').OpenTaskStatements;
  /** Runs Snowflake Scripting blocks; default scripting/run-script.ts. Tests drive a script query with their own. */
  scriptRunner?: import('../scripting/script-query').ScriptRunner;
  /** Asynchronous child jobs a script may have running at once; default Snowflake's 4,000. */
  maxScriptChildren?: number;
}

/** How one statement ended, as the query runner reports it. */
export type Outcome =
  /** `final`: the session context a USE switched to. */
  | { status: 'SUCCESS'; rowCount: number; rowType: RowType[]; final?: SessionTarget }
  | { status: 'FAILED_WITH_ERROR'; error: SnowflakeError }
  | { status: 'ABORTED' };
