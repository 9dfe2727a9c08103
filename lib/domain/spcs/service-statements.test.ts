import { describe, expect, it } from 'vitest';
import { parseServiceStatement } from './service-statements';
import { statementError } from '../sql/statement-error.fixture';

const errorOf = (sql: string) => statementError(parseServiceStatement, sql);

const syntax = (line: number, position: number, token: string, hint: string) =>
  `SQL compilation error:\nsyntax error line ${line} at position ${position} unexpected '${token}'.\n${hint}`;

describe('parseServiceStatement', () => {
  it('returns null for statements that are not SPCS ones', () => {
    for (const sql of ['SELECT 1', 'SHOW TABLES', 'DROP TABLE t', 'DESCRIBE TABLE t', 'ALTER SERVICE s SUSPEND', 'CREATE TASK t AS SELECT 1', '']) {
      expect(parseServiceStatement(sql)).toBeNull();
    }
  });

  describe('CREATE COMPUTE POOL', () => {
    it('reads every property in any order', () => {
      expect(
        parseServiceStatement(
          `CREATE COMPUTE POOL IF NOT EXISTS cpu_s INSTANCE_FAMILY = cpu_x64_s MIN_NODES = 1 MAX_NODES = 4
           AUTO_SUSPEND_SECS = 300 AUTO_RESUME = FALSE INITIALLY_SUSPENDED = TRUE COMMENT = 'jobs';`,
        ),
      ).toEqual({
        kind: 'create_compute_pool',
        ifNotExists: true,
        name: 'CPU_S',
        minNodes: 1,
        maxNodes: 4,
        instanceFamily: 'CPU_X64_S',
        autoResume: false,
        initiallySuspended: true,
        autoSuspendSecs: 300,
        comment: 'jobs',
      });
    });

    it("applies Snowflake's defaults", () => {
      expect(parseServiceStatement('create compute pool p min_nodes=1 max_nodes=1 instance_family=CPU_X64_XS')).toMatchObject({
        ifNotExists: false,
        autoResume: true,
        initiallySuspended: false,
        autoSuspendSecs: 3600,
        comment: null,
      });
    });

    it.each([
      ['CREATE COMPUTE POOL p MIN_NODES = 0 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_XS', 'MIN_NODES must be greater than 0, not 0. (line 1 at position 34)'],
      ['CREATE COMPUTE POOL p MIN_NODES = 3 MAX_NODES = 2 INSTANCE_FAMILY = CPU_X64_XS', 'MAX_NODES (2) must be greater than or equal to MIN_NODES (3). (line 1 at position 48)'],
      ['CREATE COMPUTE POOL p MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_XXL',
        "Invalid value 'CPU_X64_XXL' for INSTANCE_FAMILY; expected one of CPU_X64_XS, CPU_X64_S, CPU_X64_M, CPU_X64_SL, CPU_X64_L, HIGHMEM_X64_S, HIGHMEM_X64_M, HIGHMEM_X64_SL, HIGHMEM_X64_L, GPU_NV_XS, GPU_NV_S, GPU_NV_SM, GPU_NV_M, GPU_NV_2M, GPU_NV_3M, GPU_NV_SL, GPU_NV_L, GPU_GCP_NV_L4_1_24G, GPU_GCP_NV_L4_4_24G, GPU_GCP_NV_A100_8_40G. (line 1 at position 68)"],
      ['CREATE COMPUTE POOL p MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_XS AUTO_SUSPEND_SECS = -5',
        'AUTO_SUSPEND_SECS must be 0 (never) or more, not -5. (line 1 at position 99)'],
    ])('refuses a value Snowflake refuses: %s', (sql, detail) => {
      expect(errorOf(sql).snowflake).toEqual({ code: '002000', sqlState: '42000', message: `SQL compilation error:\n${detail}` });
    });

    it.each([
      ['CREATE COMPUTE POOL p MIN_NODES = 1 INSTANCE_FAMILY = CPU_X64_XS', syntax(1, 64, '<EOF>', 'CREATE COMPUTE POOL needs MAX_NODES.')],
      ['CREATE COMPUTE POOL p', syntax(1, 21, '<EOF>', 'CREATE COMPUTE POOL needs MIN_NODES, MAX_NODES, INSTANCE_FAMILY.')],
      ['CREATE COMPUTE POOL p MIN_NODES = 1 MIN_NODES = 2', syntax(1, 36, 'MIN_NODES', 'MIN_NODES is given more than once.')],
      ['CREATE COMPUTE POOL p NODES = 1', syntax(1, 22, 'NODES',
        'Expected one of MIN_NODES, MAX_NODES, INSTANCE_FAMILY, AUTO_RESUME, INITIALLY_SUSPENDED, AUTO_SUSPEND_SECS, COMMENT.')],
      ['CREATE COMPUTE POOL p MIN_NODES 1', syntax(1, 32, '1', "Expected '=' after MIN_NODES.")],
      ['CREATE COMPUTE POOL MIN_NODES = 1', syntax(1, 30, '=', 'Expected one of MIN_NODES, MAX_NODES, INSTANCE_FAMILY, AUTO_RESUME, INITIALLY_SUSPENDED, AUTO_SUSPEND_SECS, COMMENT.')],
    ])('refuses malformed SQL: %s', (sql, message) => {
      expect(errorOf(sql).message).toBe(message);
    });
  });

  describe('other compute pool statements', () => {
    it.each([
      ['DESCRIBE COMPUTE POOL cpu_s', { kind: 'describe_compute_pool', name: 'CPU_S' }],
      ['desc compute pool "Mixed"', { kind: 'describe_compute_pool', name: 'Mixed' }],
      ['DROP COMPUTE POOL p', { kind: 'drop_compute_pool', ifExists: false, name: 'P' }],
      ['DROP COMPUTE POOL IF EXISTS p', { kind: 'drop_compute_pool', ifExists: true, name: 'P' }],
      ['SHOW COMPUTE POOLS', { kind: 'show_compute_pools', like: null }],
      ["SHOW COMPUTE POOLS LIKE 'cpu%'", { kind: 'show_compute_pools', like: 'cpu%' }],
      ['ALTER COMPUTE POOL p STOP ALL', { kind: 'alter_compute_pool_stop_all', name: 'P' }],
    ])('%s', (sql, statement) => {
      expect(parseServiceStatement(sql)).toEqual(statement);
    });

    it.each([
      ['ALTER COMPUTE POOL p SUSPEND', syntax(1, 21, 'SUSPEND', 'The local warehouse supports ALTER COMPUTE POOL … STOP ALL only.')],
      ['SHOW COMPUTE POOLS IN ACCOUNT', syntax(1, 19, 'IN', "Expected LIKE '…' or the end of the statement.")],
      ['DROP COMPUTE POOL p CASCADE', syntax(1, 20, 'CASCADE', 'Expected the end of the statement after the pool name.')],
      ['DESCRIBE COMPUTE POOL', syntax(1, 21, '<EOF>', 'Expected a compute pool name.')],
    ])('refuses %s', (sql, message) => {
      expect(errorOf(sql).message).toBe(message);
    });
  });

  describe('SHOW SERVICES', () => {
    it.each([
      ['SHOW SERVICES', { jobs: 'include', like: null, in: null, startsWith: null, limit: null }],
      ['SHOW JOB SERVICES', { jobs: 'only', like: null, in: null, startsWith: null, limit: null }],
      ['SHOW SERVICES EXCLUDE JOBS', { jobs: 'exclude', like: null, in: null, startsWith: null, limit: null }],
      [
        "SHOW JOB SERVICES LIKE 'job%' IN COMPUTE POOL cpu_s STARTS WITH 'JOB_' LIMIT 10",
        { jobs: 'only', like: 'job%', in: { kind: 'compute_pool', name: 'CPU_S' }, startsWith: 'JOB_', limit: 10 },
      ],
      ['SHOW SERVICES IN ACCOUNT', { in: { kind: 'account' } }],
      ['SHOW SERVICES IN DATABASE', { in: { kind: 'database', name: null } }],
      ['SHOW SERVICES IN DATABASE db LIMIT 5', { in: { kind: 'database', name: 'DB' }, limit: 5 }],
      ['SHOW SERVICES IN SCHEMA', { in: { kind: 'schema', name: null } }],
      ["SHOW SERVICES IN SCHEMA db.s STARTS WITH 'A'", { in: { kind: 'schema', name: { database: null, schema: 'DB', name: 'S' } }, startsWith: 'A' }],
    ])('%s', (sql, fields) => {
      expect(parseServiceStatement(sql)).toMatchObject({ kind: 'show_services', ...fields });
    });

    it.each([
      ['SHOW JOB SERVICES EXCLUDE JOBS', syntax(1, 18, 'EXCLUDE', 'SHOW JOB SERVICES lists only jobs; EXCLUDE JOBS contradicts it.')],
      ["SHOW SERVICES LIMIT 5 LIKE 'a'", syntax(1, 22, 'LIKE', 'Expected [EXCLUDE JOBS] [LIKE …] [IN …] [STARTS WITH …] [LIMIT n], in that order.')],
      ['SHOW SERVICES IN WAREHOUSE w', syntax(1, 17, 'WAREHOUSE', 'Expected ACCOUNT, DATABASE, SCHEMA or COMPUTE POOL after IN.')],
      ['SHOW SERVICES LIKE job%', syntax(1, 19, 'job', "Expected a pattern after LIKE, such as 'job%'.")],
    ])('refuses %s', (sql, message) => {
      expect(errorOf(sql).message).toBe(message);
    });

    it('refuses LIMIT 0 as an invalid value', () => {
      expect(errorOf('SHOW SERVICES LIMIT 0').message).toBe('SQL compilation error:\nLIMIT must be at least 1, not 0. (line 1 at position 20)');
    });
  });

  describe('service statements', () => {
    const name = { database: 'DB', schema: 'S', name: 'JOB_1' };
    it.each([
      ['DESCRIBE SERVICE db.s.job_1', { kind: 'describe_service', name }],
      ['DESC SERVICE job_1', { kind: 'describe_service', name: { database: null, schema: null, name: 'JOB_1' } }],
      ['SHOW SERVICE CONTAINERS IN SERVICE db.s.job_1', { kind: 'show_service_containers', service: name }],
      ['DROP SERVICE db.s.job_1', { kind: 'drop_service', ifExists: false, name, force: false }],
      ['DROP SERVICE IF EXISTS db.s.job_1 FORCE;', { kind: 'drop_service', ifExists: true, name, force: true }],
    ])('%s', (sql, statement) => {
      expect(parseServiceStatement(sql)).toEqual(statement);
    });

    it.each([
      ['SHOW SERVICE CONTAINERS s', syntax(1, 24, 's', 'Expected IN SERVICE <name> after SHOW SERVICE CONTAINERS.')],
      ['DROP SERVICE s CASCADE', syntax(1, 15, 'CASCADE', 'Expected FORCE or the end of the statement.')],
      ['DESCRIBE SERVICE a.b.c.d', syntax(1, 22, '.', 'Expected the end of the statement after the service name.')],
    ])('refuses %s', (sql, message) => {
      expect(errorOf(sql).message).toBe(message);
    });
  });

  it('hands EXECUTE JOB SERVICE to its own parser', () => {
    expect(parseServiceStatement('EXECUTE JOB SERVICE IN COMPUTE POOL p ASYNC = TRUE FROM SPECIFICATION $$spec: {}$$')).toMatchObject({
      kind: 'execute_job_service',
      computePool: 'P',
      async: true,
      spec: { kind: 'inline', text: 'spec: {}' },
    });
  });
});
