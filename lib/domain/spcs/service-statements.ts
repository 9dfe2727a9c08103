/**
 * The SPCS statements the local warehouse answers (https://docs.snowflake.com/en/sql-reference/sql/create-compute-pool,
 * https://docs.snowflake.com/en/sql-reference/sql/show-services,
 * https://docs.snowflake.com/en/sql-reference/sql/show-service-containers-in-service): compute pools,
 * SHOW/DESCRIBE/DROP of services, containers, and EXECUTE JOB SERVICE, as one discriminated
 * union. `parseServiceStatement` returns null for SQL that is not an SPCS statement and throws
 * a SqlStatementError for one that is but is malformed. Pure.
 */
import { isWord, type Token } from '../sql/lexer';
import { type ExecuteJobService, parseExecuteJobService } from './execute-job-service';
import { INSTANCE_FAMILY_NAMES, type InstanceFamily, isInstanceFamily } from './instance-families';
import { type ObjectName, SqlReader, startsWithWords } from '../sql/sql-reader';

export interface CreateComputePool {
  kind: 'create_compute_pool';
  ifNotExists: boolean;
  name: string;
  minNodes: number;
  maxNodes: number;
  instanceFamily: InstanceFamily;
  autoResume: boolean;
  initiallySuspended: boolean;
  /** 0 means never suspend. */
  autoSuspendSecs: number;
  comment: string | null;
}

export type ShowServicesScope =
  | { kind: 'account' }
  /** A null name means the session's current database or schema. */
  | { kind: 'database'; name: string | null }
  | { kind: 'schema'; name: ObjectName | null }
  | { kind: 'compute_pool'; name: string };

export interface ShowServices {
  kind: 'show_services';
  /** `SHOW JOB SERVICES` → only jobs; `EXCLUDE JOBS` → no jobs; plain → both. */
  jobs: 'only' | 'exclude' | 'include';
  like: string | null;
  in: ShowServicesScope | null;
  startsWith: string | null;
  limit: number | null;
}

export type ServiceStatement =
  | CreateComputePool
  | { kind: 'describe_compute_pool'; name: string }
  | { kind: 'drop_compute_pool'; ifExists: boolean; name: string }
  | { kind: 'show_compute_pools'; like: string | null }
  | { kind: 'alter_compute_pool_stop_all'; name: string }
  | ShowServices
  | { kind: 'describe_service'; name: ObjectName }
  | { kind: 'show_service_containers'; service: ObjectName }
  | { kind: 'drop_service'; ifExists: boolean; name: ObjectName; force: boolean }
  | ({ kind: 'execute_job_service' } & ExecuteJobService);

const POOL_NAME = 'Expected a compute pool name.';
const SERVICE_NAME = 'Expected a service name.';

export function parseServiceStatement(sql: string): ServiceStatement | null {
  const starts = (...words: string[]) => startsWithWords(sql, ...words);
  if (starts('EXECUTE', 'JOB', 'SERVICE')) return { kind: 'execute_job_service', ...parseExecuteJobService(sql) };
  if (starts('CREATE', 'COMPUTE', 'POOL')) return createComputePool(new SqlReader(sql));
  if (starts('ALTER', 'COMPUTE', 'POOL')) return alterComputePool(new SqlReader(sql));
  if (starts('SHOW', 'COMPUTE', 'POOLS')) return showComputePools(new SqlReader(sql));
  if (starts('SHOW', 'SERVICES') || starts('SHOW', 'JOB', 'SERVICES')) return showServices(new SqlReader(sql));
  if (starts('SHOW', 'SERVICE', 'CONTAINERS')) return showServiceContainers(new SqlReader(sql));
  if (starts('DROP', 'COMPUTE', 'POOL')) return dropComputePool(new SqlReader(sql));
  if (starts('DROP', 'SERVICE')) return dropService(new SqlReader(sql));
  for (const describe of ['DESCRIBE', 'DESC']) {
    if (starts(describe, 'COMPUTE', 'POOL')) return describeComputePool(new SqlReader(sql));
    if (starts(describe, 'SERVICE')) return describeService(new SqlReader(sql));
  }
  return null;
}

const POOL_PROPERTIES = ['MIN_NODES', 'MAX_NODES', 'INSTANCE_FAMILY', 'AUTO_RESUME', 'INITIALLY_SUSPENDED', 'AUTO_SUSPEND_SECS', 'COMMENT'];

function createComputePool(reader: SqlReader): CreateComputePool {
  reader.skip(3); // CREATE COMPUTE POOL, matched by the caller
  const ifNotExists = reader.acceptWords('IF', 'NOT', 'EXISTS');
  const pool: CreateComputePool = {
    kind: 'create_compute_pool',
    ifNotExists,
    name: reader.expectIdentifier(POOL_NAME).name,
    minNodes: 0,
    maxNodes: 0,
    instanceFamily: 'CPU_X64_XS',
    autoResume: true,
    initiallySuspended: false,
    autoSuspendSecs: 3600,
    comment: null,
  };
  const seen = new Map<string, Token | undefined>();
  while (!reader.atEnd()) {
    const token = reader.peek();
    const property = token?.kind === 'identifier' ? token.text.toUpperCase() : '';
    if (!POOL_PROPERTIES.includes(property)) reader.fail(token, `Expected one of ${POOL_PROPERTIES.join(', ')}.`);
    if (seen.has(property)) reader.fail(token, `${property} is given more than once.`);
    reader.next();
    reader.expectEquals(property);
    seen.set(property, reader.peek());
    switch (property) {
      case 'MIN_NODES':
        pool.minNodes = reader.expectInteger(property).value;
        break;
      case 'MAX_NODES':
        pool.maxNodes = reader.expectInteger(property).value;
        break;
      case 'INSTANCE_FAMILY': {
        const family = reader.expectIdentifier('Expected an instance family such as CPU_X64_S.');
        if (!isInstanceFamily(family.name)) {
          reader.invalid(family.token, `Invalid value '${family.token.text}' for INSTANCE_FAMILY; expected one of ${INSTANCE_FAMILY_NAMES.join(', ')}.`);
        }
        pool.instanceFamily = family.name;
        break;
      }
      case 'AUTO_RESUME':
        pool.autoResume = reader.expectBoolean(property);
        break;
      case 'INITIALLY_SUSPENDED':
        pool.initiallySuspended = reader.expectBoolean(property);
        break;
      case 'AUTO_SUSPEND_SECS':
        pool.autoSuspendSecs = reader.expectInteger(property).value;
        break;
      case 'COMMENT':
        pool.comment = reader.expectString("Expected a string after COMMENT =, such as 'for jobs'.").value;
        break;
    }
  }
  const missing = ['MIN_NODES', 'MAX_NODES', 'INSTANCE_FAMILY'].filter((property) => !seen.has(property));
  if (missing.length) reader.fail(undefined, `CREATE COMPUTE POOL needs ${missing.join(', ')}.`);
  const at = (property: string) => seen.get(property) as Token;
  if (pool.minNodes < 1) reader.invalid(at('MIN_NODES'), `MIN_NODES must be greater than 0, not ${pool.minNodes}.`);
  if (pool.maxNodes < pool.minNodes) {
    reader.invalid(at('MAX_NODES'), `MAX_NODES (${pool.maxNodes}) must be greater than or equal to MIN_NODES (${pool.minNodes}).`);
  }
  if (pool.autoSuspendSecs < 0) {
    reader.invalid(at('AUTO_SUSPEND_SECS'), `AUTO_SUSPEND_SECS must be 0 (never) or more, not ${pool.autoSuspendSecs}.`);
  }
  return pool;
}

function alterComputePool(reader: SqlReader): ServiceStatement {
  reader.skip(3);
  const name = reader.expectIdentifier(POOL_NAME).name;
  reader.expectWords('The local warehouse supports ALTER COMPUTE POOL … STOP ALL only.', 'STOP', 'ALL');
  reader.expectEnd('Expected the end of the statement after STOP ALL.');
  return { kind: 'alter_compute_pool_stop_all', name };
}

function showComputePools(reader: SqlReader): ServiceStatement {
  reader.skip(3);
  const like = reader.acceptWords('LIKE') ? reader.expectString("Expected a pattern after LIKE, such as 'cpu%'.").value : null;
  reader.expectEnd("Expected LIKE '…' or the end of the statement.");
  return { kind: 'show_compute_pools', like };
}

function showServices(reader: SqlReader): ShowServices {
  reader.next();
  const job = reader.acceptWords('JOB');
  reader.next();
  const exclude = reader.peek();
  const excludeJobs = reader.acceptWords('EXCLUDE', 'JOBS');
  if (job && excludeJobs) reader.fail(exclude, 'SHOW JOB SERVICES lists only jobs; EXCLUDE JOBS contradicts it.');
  const statement: ShowServices = {
    kind: 'show_services',
    jobs: job ? 'only' : excludeJobs ? 'exclude' : 'include',
    like: reader.acceptWords('LIKE') ? reader.expectString("Expected a pattern after LIKE, such as 'job%'.").value : null,
    in: reader.acceptWords('IN') ? showScope(reader) : null,
    startsWith: reader.acceptWords('STARTS', 'WITH') ? reader.expectString('Expected a string after STARTS WITH.').value : null,
    limit: null,
  };
  if (reader.acceptWords('LIMIT')) {
    const limit = reader.expectInteger('LIMIT');
    if (limit.value < 1) reader.invalid(limit.token, `LIMIT must be at least 1, not ${limit.value}.`);
    statement.limit = limit.value;
  }
  reader.expectEnd('Expected [EXCLUDE JOBS] [LIKE …] [IN …] [STARTS WITH …] [LIMIT n], in that order.');
  return statement;
}

function showScope(reader: SqlReader): ShowServicesScope {
  if (reader.acceptWords('ACCOUNT')) return { kind: 'account' };
  if (reader.acceptWords('COMPUTE', 'POOL')) return { kind: 'compute_pool', name: reader.expectIdentifier(POOL_NAME).name };
  const named = () => !reader.atEnd() && !isWord(reader.peek(), 'STARTS') && !isWord(reader.peek(), 'LIMIT');
  if (reader.acceptWords('DATABASE')) {
    return { kind: 'database', name: named() ? reader.expectIdentifier('Expected a database name.').name : null };
  }
  reader.expectWords('Expected ACCOUNT, DATABASE, SCHEMA or COMPUTE POOL after IN.', 'SCHEMA');
  return { kind: 'schema', name: named() ? reader.expectObjectName('Expected a schema name.').name : null };
}

function showServiceContainers(reader: SqlReader): ServiceStatement {
  reader.skip(3);
  reader.expectWords('Expected IN SERVICE <name> after SHOW SERVICE CONTAINERS.', 'IN', 'SERVICE');
  const service = reader.expectObjectName(SERVICE_NAME).name;
  reader.expectEnd('Expected the end of the statement after the service name.');
  return { kind: 'show_service_containers', service };
}

function dropComputePool(reader: SqlReader): ServiceStatement {
  reader.skip(3);
  const ifExists = reader.acceptWords('IF', 'EXISTS');
  const name = reader.expectIdentifier(POOL_NAME).name;
  reader.expectEnd('Expected the end of the statement after the pool name.');
  return { kind: 'drop_compute_pool', ifExists, name };
}

function dropService(reader: SqlReader): ServiceStatement {
  reader.skip(2);
  const ifExists = reader.acceptWords('IF', 'EXISTS');
  const name = reader.expectObjectName(SERVICE_NAME).name;
  const force = reader.acceptWords('FORCE');
  reader.expectEnd('Expected FORCE or the end of the statement.');
  return { kind: 'drop_service', ifExists, name, force };
}

function describeComputePool(reader: SqlReader): ServiceStatement {
  reader.skip(3);
  const name = reader.expectIdentifier(POOL_NAME).name;
  reader.expectEnd('Expected the end of the statement after the pool name.');
  return { kind: 'describe_compute_pool', name };
}

function describeService(reader: SqlReader): ServiceStatement {
  reader.skip(2);
  const name = reader.expectObjectName(SERVICE_NAME).name;
  reader.expectEnd('Expected the end of the statement after the service name.');
  return { kind: 'describe_service', name };
}
