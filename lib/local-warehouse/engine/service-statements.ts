/**
 * The hook through which the engine runs statements it does not answer with DuckDB: the SPCS
 * statements of ../services. The engine asks it first; a null answer means "not mine".
 */
import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import type { Database } from './database';
import type { QueryRecord } from './types';

/** A statement's whole result, small enough to hold in memory. */
export interface TableAnswer {
  names: string[];
  types: DuckDBType[];
  rows: DuckDBValue[][];
}

export type StatementSession = Pick<QueryRecord, 'user' | 'role' | 'database' | 'schema' | 'warehouse'> & { queryId: string };

export interface ServiceStatements {
  answer(statement: string, session: StatementSession, signal: AbortSignal): Promise<TableAnswer | null>;
  /** The table GET_JOB_HISTORY reads, and a wait for writes to it still in flight. */
  jobHistory: { name: string; flush(): Promise<void> };
  /** Ends everything still running. */
  close(): Promise<void>;
}

/** Opens the service statements on the engine's DuckDB (their records live in its system database). */
export type OpenServiceStatements = (database: Database) => Promise<ServiceStatements>;
