/**
 * Compute pools and job services kept in the warehouse's system database, so they and their
 * history outlive a restart. Each row holds the whole record as JSON; a job's row also spells out
 * the columns SNOWFLAKE.SPCS.GET_JOB_HISTORY returns, so that function is plain SQL over this
 * table (dialect/job-history.ts). Writes are queued in order; `flush()` waits for all of them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { JobServiceStatus } from '@/lib/domain/spcs/job-status';
import type { InstanceFamily } from '@/lib/domain/spcs/instance-families';
import type { Database } from '../engine/database';
import { SYSTEM_CATALOG } from '../engine/history-schema';

export const JOB_SERVICES_TABLE = `${SYSTEM_CATALOG}.MAIN.JOB_SERVICES`;
const POOLS_TABLE = `${SYSTEM_CATALOG}.MAIN.COMPUTE_POOLS`;

export interface PoolRecord {
  name: string;
  minNodes: number;
  maxNodes: number;
  instanceFamily: InstanceFamily;
  autoResume: boolean;
  autoSuspendSecs: number;
  comment: string | null;
  owner: string;
  createdMs: number;
  updatedMs: number;
}

/** One row of SHOW SERVICE CONTAINERS, as last seen. */
export interface ContainerSnapshot {
  instanceId: string;
  instanceStatus: string;
  containerName: string;
  status: string;
  message: string;
  imageName: string;
  imageDigest: string;
  restartCount: number;
  startTime: number | null;
  lastExitCode: number | null;
}

export interface JobRecord {
  /** The job's own id (GET_JOB_HISTORY's ID); also the name of its folder under `<dataDir>/jobs`. */
  id: string;
  /** The EXECUTE JOB SERVICE statement's query id. */
  queryId: string;
  name: string;
  database: string;
  schema: string;
  computePool: string;
  status: JobServiceStatus;
  message: string;
  /** The YAML the job runs (a template already rendered). */
  spec: string;
  specDigest: string;
  replicas: number;
  async: boolean;
  queryWarehouse: string | null;
  comment: string | null;
  externalAccessIntegrations: string[];
  owner: string;
  createdMs: number;
  updatedMs: number;
  completedMs: number | null;
  /** When DROP SERVICE removed it: gone from SHOW and DESCRIBE, still in GET_JOB_HISTORY. */
  deletedMs: number | null;
  containers: ContainerSnapshot[];
}

const RECORD_COLUMNS = `ID VARCHAR PRIMARY KEY, QUERY_ID VARCHAR, NAME VARCHAR, DATABASE_NAME VARCHAR, SCHEMA_NAME VARCHAR,
  CREATED_MS BIGINT, COMPLETED_MS BIGINT, DELETED_MS BIGINT, STATUS VARCHAR, MESSAGE VARCHAR, INSTANCE_STATUSES VARCHAR,
  COMPUTE_POOL_NAME VARCHAR, OWNER VARCHAR, PARAMETERS VARCHAR, RECORD VARCHAR`;

/** GET_JOB_HISTORY's INSTANCE_STATUSES: each instance's status, from its containers'. */
function instanceStatuses(job: JobRecord): string {
  const byInstance = new Map<string, string>();
  for (const container of job.containers) byInstance.set(container.instanceId, container.instanceStatus);
  return JSON.stringify([...byInstance].map(([instanceId, status]) => ({ instanceId: Number(instanceId), status })));
}

function parameters(job: JobRecord): string {
  return JSON.stringify({
    REPLICAS: job.replicas,
    ASYNC: job.async,
    QUERY_WAREHOUSE: job.queryWarehouse,
    COMMENT: job.comment,
    EXTERNAL_ACCESS_INTEGRATIONS: job.externalAccessIntegrations,
  });
}

export class JobServiceStore {
  private writes: Promise<void> = Promise.resolve();

  private constructor(private readonly database: Database) {}

  static async open(database: Database): Promise<JobServiceStore> {
    await database.withConnection(async (connection) => {
      await connection.run(`CREATE TABLE IF NOT EXISTS ${JOB_SERVICES_TABLE} (${RECORD_COLUMNS})`);
      await connection.run(`CREATE TABLE IF NOT EXISTS ${POOLS_TABLE} (NAME VARCHAR PRIMARY KEY, RECORD VARCHAR)`);
    });
    return new JobServiceStore(database);
  }

  async pools(): Promise<PoolRecord[]> {
    return this.records<PoolRecord>(`SELECT RECORD FROM ${POOLS_TABLE}`);
  }

  async jobs(): Promise<JobRecord[]> {
    return this.records<JobRecord>(`SELECT RECORD FROM ${JOB_SERVICES_TABLE} ORDER BY CREATED_MS`);
  }

  savePool(pool: PoolRecord): void {
    this.write((connection) =>
      connection.run(`INSERT OR REPLACE INTO ${POOLS_TABLE} VALUES ($1, $2)`, [pool.name, JSON.stringify(pool)]),
    );
  }

  deletePool(name: string): void {
    this.write((connection) => connection.run(`DELETE FROM ${POOLS_TABLE} WHERE NAME = $1`, [name]));
  }

  saveJob(job: JobRecord): void {
    const row = [
      job.id,
      job.queryId,
      job.name,
      job.database,
      job.schema,
      job.createdMs,
      job.completedMs,
      job.deletedMs,
      job.status,
      job.message,
      instanceStatuses(job),
      job.computePool,
      job.owner,
      parameters(job),
      JSON.stringify(job),
    ];
    const placeholders = row.map((_, i) => `$${i + 1}`).join(', ');
    this.write((connection) => connection.run(`INSERT OR REPLACE INTO ${JOB_SERVICES_TABLE} VALUES (${placeholders})`, row));
  }

  /** Forgets jobs that completed before `cutoffMs`; returns their ids. */
  async pruneCompletedBefore(cutoffMs: number): Promise<string[]> {
    await this.flush();
    return this.database.withConnection(async (connection) => {
      const reader = await connection.runAndReadAll(
        `DELETE FROM ${JOB_SERVICES_TABLE} WHERE COMPLETED_MS < $1 RETURNING ID`,
        [cutoffMs],
      );
      return reader.getRows().map((row) => String(row[0]));
    });
  }

  flush(): Promise<void> {
    return this.writes;
  }

  private write(statement: (connection: DuckDBConnection) => Promise<unknown>): void {
    this.writes = this.writes
      .then(() => this.database.withConnection(statement))
      .then(
        () => undefined,
        (error: unknown) => console.error('local warehouse: saving job service state failed:', error),
      );
  }

  private async records<T>(sql: string): Promise<T[]> {
    await this.flush();
    return this.database.withConnection(async (connection) => {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRows().map((row) => JSON.parse(String(row[0])) as T);
    });
  }
}
