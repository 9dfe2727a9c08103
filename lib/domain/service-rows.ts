/**
 * Rows of Snowflake's SPCS monitoring commands → the dashboard's shapes (columns as in
 * https://docs.snowflake.com/en/sql-reference/sql/show-services,
 * https://docs.snowflake.com/en/sql-reference/sql/show-service-containers-in-service,
 * https://docs.snowflake.com/en/sql-reference/sql/show-compute-pools and
 * https://docs.snowflake.com/en/sql-reference/functions/get_job_history). SHOW commands name
 * their columns in lower case and functions in upper case; both are read without regard to case
 * so neither spelling matters. Pure: the calls live in lib/warehouse.
 */
import type { ComputePool, ServiceContainer } from './job';

type Row = Record<string, unknown>;

/** The value of `column` in `row`, whatever the case the warehouse spelled it in. */
export function cell(row: Row, column: string): unknown {
  if (column in row) return row[column];
  const wanted = column.toLowerCase();
  const key = Object.keys(row).find((name) => name.toLowerCase() === wanted);
  return key === undefined ? undefined : row[key];
}

export function textOrNull(value: unknown): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

export function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** A warehouse timestamp as epoch ms; the epoch itself (an unset END_TIME) reads as null. */
export function epochMs(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value));
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

const PLAIN_IDENTIFIER = /^[A-Z_][A-Z0-9_$]*$/;

/** One part of an object name as Snowflake reads it back: bare when it can be, else quoted. */
export function identifierPart(part: string): string {
  return PLAIN_IDENTIFIER.test(part) ? part : `"${part.replaceAll('"', '""')}"`;
}

/** DB.SCHEMA.NAME from the parts the warehouse reports (as stored, so case is kept exactly). */
export function qualifiedName(database: string, schema: string, name: string): string {
  return [database, schema, name].map(identifierPart).join('.');
}

export interface JobServiceRow {
  qualifiedName: string;
  name: string;
  status: string;
  computePool: string | null;
  createdAt: number | null;
  updatedAt: number | null;
}

/** A row of SHOW JOB SERVICES; null when it lacks what identifies a job (name, schema, status). */
export function parseJobServiceRow(row: Row): JobServiceRow | null {
  const name = textOrNull(cell(row, 'name'));
  const database = textOrNull(cell(row, 'database_name'));
  const schema = textOrNull(cell(row, 'schema_name'));
  const status = textOrNull(cell(row, 'status'));
  if (!name || !database || !schema || !status) return null;
  return {
    qualifiedName: qualifiedName(database, schema, name),
    name,
    status: status.toUpperCase(),
    computePool: textOrNull(cell(row, 'compute_pool')),
    createdAt: epochMs(cell(row, 'created_on')),
    updatedAt: epochMs(cell(row, 'updated_on')),
  };
}

/** How far before its submission a job may seem created: the warehouse's clock is not ours. */
const CLOCK_SKEW_MS = 60_000;

/**
 * The row of the job a statement named `given` (NAME = [db.][schema.]name, parts as Snowflake
 * resolved them) started, found in SHOW JOB SERVICES without the job history: the one job of
 * that name created since the statement was submitted. Null when none or several qualify.
 */
export function rowForGivenName(given: string, submittedAt: number | null, rows: readonly JobServiceRow[]): JobServiceRow | null {
  const parts = given.split('.').map(identifierPart);
  const suffix = parts.join('.');
  const candidates = rows.filter(
    (row) =>
      (parts.length === 3 ? row.qualifiedName === suffix : row.qualifiedName.endsWith(`.${suffix}`)) &&
      (submittedAt === null || row.createdAt === null || row.createdAt >= submittedAt - CLOCK_SKEW_MS),
  );
  return candidates.length === 1 ? candidates[0] : null;
}

/** A row of SHOW SERVICE CONTAINERS IN SERVICE. Instance and container fields are NULL while PENDING. */
export function parseContainerRow(row: Row): ServiceContainer {
  return {
    instanceId: textOrNull(cell(row, 'instance_id')) ?? '',
    containerName: textOrNull(cell(row, 'container_name')) ?? '',
    status: textOrNull(cell(row, 'status')),
    instanceStatus: textOrNull(cell(row, 'instance_status')),
    message: textOrNull(cell(row, 'message')),
    image: textOrNull(cell(row, 'image_name')),
    restartCount: numberOrNull(cell(row, 'restart_count')),
    lastExitCode: numberOrNull(cell(row, 'last_exit_code')),
    startedAt: epochMs(cell(row, 'start_time')),
  };
}

/**
 * When a job service began running: its first container's start (SHOW SERVICE CONTAINERS
 * start_time). Null when no container started, e.g. a job cancelled while PENDING.
 */
export function firstContainerStart(containers: readonly ServiceContainer[]): number | null {
  const starts = containers.flatMap((c) => (c.startedAt === null ? [] : [c.startedAt]));
  return starts.length === 0 ? null : Math.min(...starts);
}

/** A row of SHOW COMPUTE POOLS; null without a name. */
export function parseComputePoolRow(row: Row): ComputePool | null {
  const name = textOrNull(cell(row, 'name'));
  if (!name) return null;
  return { name, state: textOrNull(cell(row, 'state')) ?? 'UNKNOWN', instanceFamily: textOrNull(cell(row, 'instance_family')) };
}

export interface JobHistoryRow {
  queryId: string;
  qualifiedName: string;
  status: string | null;
  message: string | null;
  createdAt: number | null;
  completedAt: number | null;
}

/** A row of SNOWFLAKE.SPCS.GET_JOB_HISTORY: the one place a job's name meets its query id. */
export function parseJobHistoryRow(row: Row): JobHistoryRow | null {
  const queryId = textOrNull(cell(row, 'QUERY_ID'));
  const name = textOrNull(cell(row, 'NAME'));
  const database = textOrNull(cell(row, 'DATABASE_NAME'));
  const schema = textOrNull(cell(row, 'SCHEMA_NAME'));
  if (!queryId || !name || !database || !schema) return null;
  return {
    queryId,
    qualifiedName: qualifiedName(database, schema, name),
    status: textOrNull(cell(row, 'STATUS')),
    message: textOrNull(cell(row, 'MESSAGE')),
    createdAt: epochMs(cell(row, 'CREATED_TIME')),
    completedAt: epochMs(cell(row, 'COMPLETED_TIME')),
  };
}

/** SYSTEM$GET_SERVICE_LOGS answers one newline-separated string; a trailing newline adds no line. */
export function logLines(text: string | null): string[] {
  if (!text) return [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Why a failed job failed, from its containers: the first failed container's message, with its
 * exit code when the message does not already say it. Null when no container says anything.
 */
export function failureMessage(containers: readonly ServiceContainer[]): string | null {
  const failed = containers.find((c) => c.status === 'FAILED') ?? containers.find((c) => c.lastExitCode !== null && c.lastExitCode !== 0);
  if (!failed) return containers.find((c) => c.message)?.message ?? null;
  const where = `Container ${failed.containerName} (instance ${failed.instanceId})`;
  const code = failed.lastExitCode !== null ? ` exited with code ${failed.lastExitCode}` : ' failed';
  return failed.message ? `${where}${code}: ${failed.message}` : `${where}${code}.`;
}
