/**
 * The hooks through which the engine runs statements it does not answer with DuckDB: the task
 * statements of ../tasks and the SPCS statements of ../services. The engine asks them first; a
 * null answer means "not mine".
 */
import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import type { Database } from './database';
import type { EncodedResult, QueryRecord, SubmitRequest } from './types';

/** A statement's whole result, small enough to hold in memory. */
export interface TableAnswer {
  names: string[];
  types: DuckDBType[];
  rows: DuckDBValue[][];
}

export type StatementSession = Pick<QueryRecord, 'user' | 'role' | 'database' | 'schema' | 'warehouse'> & { queryId: string };

export interface ServiceStatements {
  answer(statement: string, session: StatementSession, signal: AbortSignal): Promise<TableAnswer | null>;
  /** The table GET_JOB_HISTORY reads, a wait for writes to it still in flight, and jobs' logs. */
  jobHistory: JobServiceTables;
  /** Ends everything still running. */
  close(): Promise<void>;
}

/** What the job-service functions used inside queries read (dialect/job-history.ts, job-logs.ts, account-usage.ts). */
export interface JobServiceTables {
  name: string;
  flush(): Promise<void>;
  /** `<job>!SPCS_GET_LOGS()`: the job's log lines; throws Snowflake's error when there is no such job. */
  logs(job: { database: string | null; schema: string | null; name: string }, session: { database: string; schema: string }): Promise<JobLogRow[]>;
}

/** One container log line: epoch ms, instance, container, stream and text. */
export interface JobLogRow {
  timestamp: number;
  instanceId: number;
  containerName: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Opens the service statements on the engine's DuckDB (their records live in its system database). */
export type OpenServiceStatements = (database: Database) => Promise<ServiceStatements>;

/** The tables the task table functions read (dialect/task-functions.ts). */
export interface TaskTables {
  runs: string;
  graphRuns: string;
  tasks: string;
  /** Resolves once every write so far is visible in the tables. */
  flush(): Promise<void>;
  /** TASK_DEPENDENTS: the named task first, then its dependents; null when it does not exist. */
  dependents(name: string, recursive: boolean, session: { database: string; schema: string }): string[] | null;
}

export interface TaskStatements {
  answer(statement: string, session: StatementSession): Promise<TableAnswer | null>;
  tables: TaskTables;
  /** Resolves once graph runs have no work under way (see TaskScheduler.settled). */
  settled(exceptRunningBodies?: boolean): Promise<void>;
  /** Cancels running graph runs and stops scheduling. */
  close(): Promise<void>;
}

/** What task runs need from the engine: they run their WHEN and body as queries. */
export interface TaskEngineAccess {
  queries: {
    submit(request: SubmitRequest): Promise<QueryRecord>;
    waitForEnd(queryId: string, timeoutMs: number): Promise<QueryRecord | null>;
    cancel(queryId: string): boolean;
    readResult(queryId: string, offset?: number, limit?: number): Promise<EncodedResult | null>;
    forget(queryIds: string[]): Promise<void>;
  };
  databaseExists(name: string): boolean;
  /** True when the database exists and has the schema (CREATE TASK refuses a missing one). */
  schemaExists(database: string, schema: string): Promise<boolean>;
  /** Calls `listener` after a database (schema null) or schema is dropped or replaced: its tasks go with it. */
  onDrop(listener: (dropped: { database: string; schema: string | null }) => void): void;
  warehouseExists(name: string): boolean;
  defaultWarehouse: string;
}

export type OpenTaskStatements = (database: Database, engine: TaskEngineAccess) => Promise<TaskStatements>;
