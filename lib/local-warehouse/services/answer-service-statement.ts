/**
 * Answers the SPCS statements (lib/domain/spcs/service-statements.ts) and job functions
 * (job-functions.ts) from the job services, as a small table the engine stores like any result.
 * Returns null for every other statement, which then goes on to the dialect translation.
 */
import { likeMatcher } from '@/lib/domain/sql/like-pattern';
import { SqlStatementError } from '@/lib/domain/sql/sql-reader';
import { parseServiceStatement, type ServiceStatement, type ShowServices } from '@/lib/domain/spcs/service-statements';
import type { TableAnswer } from '../engine/service-statements';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { parseJobFunction, type JobFunctionCall } from './job-functions';
import type { JobRecord } from './job-service-store';
import { fullNameOf, type JobServices, type ServiceSession } from './job-services';
import {
  CONTAINER_COLUMNS,
  DESCRIBE_SERVICE_COLUMNS,
  POOL_COLUMNS,
  serviceColumns,
} from './service-rows';
import { statusTable, table } from '../engine/table-rows';

export async function answerServiceStatement(
  statement: string,
  session: ServiceSession,
  signal: AbortSignal,
  services: JobServices,
): Promise<TableAnswer | null> {
  let parsed: ServiceStatement | JobFunctionCall | null;
  try {
    parsed = parseServiceStatement(statement) ?? parseJobFunction(statement);
  } catch (error) {
    if (error instanceof SqlStatementError) throw new SnowflakeQueryError(error.snowflake);
    throw error;
  }
  if (!parsed) return null;
  switch (parsed.kind) {
    case 'create_compute_pool':
      return statusTable(services.createPool(parsed, session.role));
    case 'describe_compute_pool':
      return table(POOL_COLUMNS, [services.pool(parsed.name)]);
    case 'show_compute_pools': {
      const like = likeMatcher(parsed.like);
      return table(POOL_COLUMNS, services.listPools().filter((pool) => like(pool.name)));
    }
    case 'drop_compute_pool':
      return statusTable(services.dropPool(parsed.name, parsed.ifExists));
    case 'alter_compute_pool_stop_all':
      return statusTable(await services.stopAll(parsed.name));
    case 'show_services':
      return table(serviceColumns(parsed.jobs !== 'exclude'), showServices(parsed, session, services));
    case 'describe_service':
      return table(DESCRIBE_SERVICE_COLUMNS, [services.find(parsed.name, session)]);
    case 'show_service_containers': {
      const job = services.find(parsed.service, session);
      return table(CONTAINER_COLUMNS, services.containers(job).map((container) => ({ job, container })));
    }
    case 'drop_service':
      return statusTable(await services.drop(parsed.name, parsed.ifExists, session));
    case 'execute_job_service': {
      const job = await services.execute(parsed, session, signal);
      return statusTable(
        parsed.async
          ? `Job ${fullNameOf(job)} submitted; it runs asynchronously (status ${job.status}).`
          : `Job ${fullNameOf(job)} completed successfully with status: ${job.status}.`,
      );
    }
    case 'cancel_job': {
      const job = services.find(parsed.job, session);
      services.cancel(job);
      return table([[parsed.column, 'text', () => `Job ${fullNameOf(job)} is being cancelled.`]], [job]);
    }
    case 'wait_for': {
      const job = services.find(parsed.job, session);
      const status = await services.waitFor(job, parsed.status, parsed.seconds, signal);
      return table([[parsed.column, 'text', () => status]], [job]);
    }
    case 'service_status': {
      const job = services.find(parsed.job, session);
      const text = await services.statusJson(job, parsed.timeoutSeconds, signal);
      return table([[parsed.column, 'text', () => text]], [job]);
    }
    case 'service_logs': {
      const job = services.find(parsed.job, session);
      const text = await services.logs(job, parsed.instanceId, parsed.container, parsed.lines);
      return table([[parsed.column, 'text', () => text]], [job]);
    }
  }
}

function showServices(statement: ShowServices, session: ServiceSession, services: JobServices): JobRecord[] {
  // Every service the local warehouse runs is a job.
  if (statement.jobs === 'exclude') return [];
  const like = likeMatcher(statement.like);
  const scope = statement.in;
  const inScope = (job: JobRecord): boolean => {
    switch (scope?.kind) {
      case undefined:
      case 'account':
        return true;
      case 'database':
        return job.database === (scope.name ?? session.database);
      case 'schema':
        // `IN SCHEMA db.s` reads as an object name: its "schema" part is the database.
        return job.database === (scope.name?.schema ?? session.database) && job.schema === (scope.name?.name ?? session.schema);
      case 'compute_pool':
        return job.computePool === scope.name;
    }
  };
  const rows = services
    .visible()
    .filter((job) => like(job.name) && inScope(job) && (statement.startsWith === null || job.name.startsWith(statement.startsWith)));
  return statement.limit === null ? rows : rows.slice(0, statement.limit);
}
