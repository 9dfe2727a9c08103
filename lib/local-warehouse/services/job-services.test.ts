/**
 * Job services end to end: the real snowflake-sdk against the real local warehouse, whose jobs
 * are real processes of the built-in flurry_test image. Grammar and spec errors, compute pools,
 * scheduling against pool capacity, replicas, sync and async jobs, every cancel form, logs,
 * SHOW / DESCRIBE / GET_JOB_HISTORY columns and a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';
import { connect, destroy, execute, submitAsync, type Connection } from '@/lib/warehouse/sdk';

let warehouse: TestWarehouse;
let connection: Connection;
let jobs = 0;

beforeAll(async () => {
  warehouse = await startTestWarehouse({ jobGraceMs: 1000 });
  connection = await connect(warehouse.connectionOptions());
  await run('CREATE COMPUTE POOL POOL_S MIN_NODES = 1 MAX_NODES = 2 INSTANCE_FAMILY = CPU_X64_S');
});

afterAll(async () => {
  await destroy(connection);
  await warehouse.close();
});

async function run(sql: string): Promise<Record<string, unknown>[]> {
  return (await execute(connection, sql)).rows as Record<string, unknown>[];
}

function spec(args: string[], extra = ''): string {
  return `spec:\n  containers:\n  - name: main\n    image: /db/schema/repo/flurry_test:latest\n    args: ${JSON.stringify(args)}\n${extra}`;
}

function executeJob(args: string[], options: { pool?: string; properties?: string; extra?: string } = {}): { name: string; sql: string } {
  const name = `TEST_JOB_${++jobs}`;
  const sql =
    `EXECUTE JOB SERVICE IN COMPUTE POOL ${options.pool ?? 'POOL_S'} NAME = ${name} ${options.properties ?? ''} ` +
    `FROM SPECIFICATION $$\n${spec(args, options.extra)}$$`;
  return { name, sql };
}

async function status(name: string): Promise<string> {
  const [row] = await run(`SHOW JOB SERVICES LIKE '${name}'`);
  return String(row?.status);
}

async function waitForStatus(name: string, wanted: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  while (Date.now() < deadline) {
    seen = await status(name);
    if (seen === wanted) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} stayed ${seen}, never ${wanted}`);
}

async function logs(name: string, instance = 0): Promise<string> {
  const [row] = await run(`SELECT SYSTEM$GET_SERVICE_LOGS('${name}', '${instance}', 'main') AS LOG`);
  return String(row.LOG);
}

/** Waits until the job's log holds `text`: a container is RUNNING before its program is. */
async function waitForLog(name: string, text: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await logs(name)).includes(text)) {
    if (Date.now() > deadline) throw new Error(`${name} never logged ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('statement errors', () => {
  it.each([
    ['EXECUTE JOB SERVICE IN COMPUTE POOL', /syntax error line 1 at position \d+ unexpected/],
    ['CREATE COMPUTE POOL P MIN_NODES = 0 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_S', /MIN_NODES must be greater than 0/],
    ['CREATE COMPUTE POOL P MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_HUGE', /Invalid value 'CPU_X64_HUGE' for INSTANCE_FAMILY/],
    [`EXECUTE JOB SERVICE IN COMPUTE POOL NOPE FROM SPECIFICATION $$${spec([])}$$`, /Compute pool 'NOPE' does not exist or not authorized/],
    [
      'EXECUTE JOB SERVICE IN COMPUTE POOL POOL_S FROM SPECIFICATION $$spec:\n  containers:\n  - name: main\n$$',
      /Invalid spec: spec\.containers\[0\]\.image/,
    ],
    [
      "EXECUTE JOB SERVICE IN COMPUTE POOL POOL_S FROM @stage SPECIFICATION_FILE = 'job.yaml'",
      /not supported by the local warehouse/,
    ],
    [
      'EXECUTE JOB SERVICE IN COMPUTE POOL POOL_S FROM SPECIFICATION $$spec:\n  containers:\n  - name: main\n    image: /a/b/c/no_such_image:1\n$$',
      /no_such_image[\s\S]*flurry_test/,
    ],
    ["SELECT SYSTEM$CANCEL_JOB('NO_SUCH_JOB')", /Service 'FLURRY.PUBLIC.NO_SUCH_JOB' does not exist or not authorized/],
    ["CALL NO_SUCH_JOB!SPCS_WAIT_FOR('SOMEDAY', 1)", /status must be one of PENDING, RUNNING, DONE/],
  ])('%s fails with its message', async (sql, message) => {
    await expect(run(sql)).rejects.toThrow(message);
  });
});

describe('compute pools', () => {
  it('creates, shows, describes and drops a pool with Snowflake columns', async () => {
    await run("CREATE COMPUTE POOL SHOWN MIN_NODES = 1 MAX_NODES = 3 INSTANCE_FAMILY = CPU_X64_XS COMMENT = 'for tests'");
    await expect(run('CREATE COMPUTE POOL SHOWN MIN_NODES = 1 MAX_NODES = 3 INSTANCE_FAMILY = CPU_X64_XS')).rejects.toThrow(/already exists/);
    const [row] = await run("SHOW COMPUTE POOLS LIKE 'show%'");
    expect(Object.keys(row)).toEqual([
      'name', 'state', 'min_nodes', 'max_nodes', 'instance_family', 'num_services', 'num_jobs', 'auto_suspend_secs',
      'auto_resume', 'active_nodes', 'idle_nodes', 'target_nodes', 'created_on', 'resumed_on', 'updated_on', 'owner',
      'comment', 'is_exclusive', 'application', 'placement_group', 'backup_instance_families',
    ]);
    expect(row).toMatchObject({ name: 'SHOWN', state: 'IDLE', min_nodes: 1, max_nodes: 3, instance_family: 'CPU_X64_XS', num_jobs: 0, comment: 'for tests' });
    expect(await run('DESCRIBE COMPUTE POOL SHOWN')).toEqual([row]);
    await run('DROP COMPUTE POOL SHOWN');
    expect(await run("SHOW COMPUTE POOLS LIKE 'SHOWN'")).toEqual([]);
    await expect(run('DESCRIBE COMPUTE POOL SHOWN')).rejects.toThrow(/Compute pool 'SHOWN' does not exist/);
  });

  it('refuses to drop a pool while a job runs, and STOP ALL cancels its jobs', async () => {
    await run('CREATE COMPUTE POOL BUSY MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_XS');
    const job = executeJob(['--sleep', '60'], { pool: 'BUSY', properties: 'ASYNC = TRUE' });
    await run(job.sql);
    await waitForStatus(job.name, 'RUNNING');
    expect((await run('SHOW COMPUTE POOLS LIKE \'BUSY\''))[0]).toMatchObject({ state: 'ACTIVE', num_jobs: 1, active_nodes: 1 });
    await expect(run('DROP COMPUTE POOL BUSY')).rejects.toThrow(/has 1 job service\(s\) pending or running/);
    await run('ALTER COMPUTE POOL BUSY STOP ALL');
    expect(await status(job.name)).toBe('CANCELLED');
    await run('DROP COMPUTE POOL BUSY');
  });
});

describe('job services', () => {
  it('runs a synchronous job to DONE and fails the statement of a failing one with its message', async () => {
    const done = executeJob(['--lines', '2']);
    expect(await run(done.sql)).toEqual([{ status: `Job FLURRY.PUBLIC.${done.name} completed successfully with status: DONE.` }]);
    expect(await status(done.name)).toBe('DONE');
    const failing = executeJob(['--exit', '3']);
    await expect(run(failing.sql)).rejects.toThrow(new RegExp(`Job FLURRY.PUBLIC.${failing.name} ended with status FAILED: .*exit code 3`));
    expect(await status(failing.name)).toBe('FAILED');
  });

  it('names a job JOB_<query id> by default and returns an ASYNC one at once', async () => {
    const started = Date.now();
    const queryId = await submitAsync(connection, `EXECUTE JOB SERVICE IN COMPUTE POOL POOL_S ASYNC = TRUE FROM SPECIFICATION $$${spec(['--sleep', '1'])}$$`);
    const name = `JOB_${queryId.replace(/-/g, '').toUpperCase()}`;
    await waitForStatus(name, 'RUNNING');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await run(`CALL ${name}!SPCS_WAIT_FOR('DONE', 30)`)).toEqual([{ SPCS_WAIT_FOR: 'DONE' }]);
  });

  it('runs REPLICAS instances, each with its SNOWFLAKE_JOB_INDEX, and keeps their logs', async () => {
    const job = executeJob(['--env'], { properties: 'REPLICAS = 3' });
    await run(job.sql);
    for (const index of [0, 1, 2]) {
      const text = await logs(job.name, index);
      expect(text).toContain(`SNOWFLAKE_JOB_INDEX=${index}`);
      expect(text).toContain('SNOWFLAKE_JOBS_COUNT=3');
    }
    const containers = await run(`SHOW SERVICE CONTAINERS IN SERVICE ${job.name}`);
    expect(containers.map((row) => [row.instance_id, row.instance_status, row.status])).toEqual([
      ['0', 'SUCCEEDED', 'DONE'],
      ['1', 'SUCCEEDED', 'DONE'],
      ['2', 'SUCCEEDED', 'DONE'],
    ]);
    expect(Object.keys(containers[0])).toEqual([
      'database_name', 'schema_name', 'service_name', 'service_status', 'instance_id', 'instance_status', 'container_name',
      'status', 'message', 'image_name', 'image_digest', 'restart_count', 'start_time', 'last_exit_code', 'last_restart_time',
    ]);
  });

  it('shows a job with SHOW [JOB] SERVICES and DESCRIBE SERVICE columns, and renders a template', async () => {
    const name = `TEMPLATED_${++jobs}`;
    await run(
      `EXECUTE JOB SERVICE IN COMPUTE POOL POOL_S NAME = ${name} COMMENT = 'templated' EXTERNAL_ACCESS_INTEGRATIONS = (EAI_ONE) ` +
        `FROM SPECIFICATION_TEMPLATE $$spec:\n  containers:\n  - name: main\n    image: flurry_test\n    args: {{ args }}\n$$ USING (args => $$["--lines","1"]$$)`,
    );
    const [shown] = await run(`SHOW SERVICES LIKE '${name.toLowerCase()}' IN SCHEMA`);
    expect(Object.keys(shown)).toEqual([
      'name', 'status', 'database_name', 'schema_name', 'owner', 'compute_pool', 'dns_name', 'current_instances',
      'target_instances', 'min_ready_instances', 'min_instances', 'max_instances', 'auto_resume',
      'external_access_integrations', 'created_on', 'updated_on', 'resumed_on', 'suspended_on', 'auto_suspend_secs',
      'comment', 'owner_role_type', 'query_warehouse', 'is_job', 'is_async_job', 'spec_digest', 'is_upgrading',
      'managing_object_domain', 'managing_object_name',
    ]);
    expect(shown).toMatchObject({ name, status: 'DONE', database_name: 'FLURRY', schema_name: 'PUBLIC', compute_pool: 'POOL_S',
      comment: 'templated', external_access_integrations: '["EAI_ONE"]', is_job: true, is_async_job: false });
    const [job] = await run(`SHOW JOB SERVICES STARTS WITH '${name}' LIMIT 1`);
    // SHOW JOB SERVICES has is_job and is_async_job too (BCR-1516, BCR-1849), in SHOW SERVICES' order.
    expect(Object.keys(job)).toEqual(Object.keys(shown));
    expect(job).toMatchObject({ name, is_job: true, is_async_job: false });
    expect(await run(`SHOW SERVICES EXCLUDE JOBS LIKE '${name}'`)).toEqual([]);
    const [described] = await run(`DESCRIBE SERVICE ${name}`);
    expect(described.spec).toContain('args: ["--lines","1"]');
    expect(described).toMatchObject({ name, status: 'DONE', is_job: true });
  });

  it('reads logs while a job runs and after it ends', async () => {
    const job = executeJob(['--lines', '3', '--sleep', '2'], { properties: 'ASYNC = TRUE' });
    await run(job.sql);
    await waitForLog(job.name, 'line 3');
    expect(await status(job.name)).toBe('RUNNING');
    await run(`CALL ${job.name}!SPCS_WAIT_FOR('DONE', 30)`);
    const after = await logs(job.name);
    expect(after.split('\n').filter((line) => /line \d/.test(line))).toHaveLength(3);
    const [tail] = await run(`SELECT SYSTEM$GET_SERVICE_LOGS('${job.name}', '0', 'main', 1)`);
    expect(String(Object.values(tail)[0]).split('\n')).toHaveLength(1);
  });

  it('answers SYSTEM$GET_SERVICE_STATUS with a JSON array per container, waiting up to its timeout for one to start', async () => {
    await run('CREATE COMPUTE POOL TINY MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_XS');
    const job = executeJob(['--sleep', '3'], { pool: 'TINY', properties: 'ASYNC = TRUE REPLICAS = 2' });
    await run(job.sql);
    const [row] = await run(`SELECT SYSTEM$GET_SERVICE_STATUS('${job.name.toLowerCase()}', 10)`);
    expect(Object.keys(row)).toEqual([`SYSTEM$GET_SERVICE_STATUS('${job.name}', 10)`]);
    const containers = JSON.parse(String(Object.values(row)[0])) as Record<string, unknown>[];
    expect(containers).toEqual(
      [0, 1].map((instance) => ({
        status: 'READY',
        message: 'Running',
        containerName: 'main',
        instanceId: String(instance),
        serviceName: job.name,
        image: '/db/schema/repo/flurry_test:latest',
        restartCount: 0,
        startTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      })),
    );
    await run(`CALL ${job.name}!SPCS_WAIT_FOR('DONE', 30)`);
    const [done] = await run(`SELECT SYSTEM$GET_SERVICE_STATUS('${job.name}') AS S`);
    expect((JSON.parse(String(done.S)) as { status: string }[]).map((container) => container.status)).toEqual(['DONE', 'DONE']);
    await run('DROP COMPUTE POOL TINY');
  });

  it('reads a job\'s logs with TABLE(<job>!SPCS_GET_LOGS()), within START_TIME and END_TIME', async () => {
    const job = executeJob(['--lines', '4']);
    await run(job.sql);
    const rows = await run(`SELECT * FROM TABLE(${job.name}!SPCS_GET_LOGS()) WHERE log LIKE 'line %'`);
    expect(rows.map((row) => [row.INSTANCE_ID, row.CONTAINER_NAME, row.LOG, row.RECORD_ATTRIBUTES])).toEqual(
      expect.arrayContaining([
        [0, 'main', 'line 1', { 'log.iostream': 'stdout' }],
        [0, 'main', 'line 3', { 'log.iostream': 'stderr' }],
      ]),
    );
    expect(rows).toHaveLength(4);
    const stamp = rows[0].TIMESTAMP as Date;
    expect(Math.abs(stamp.getTime() - Date.now())).toBeLessThan(60_000);
    const count = async (args: string) => (await run(`SELECT COUNT(*) AS N FROM TABLE(${job.name}!SPCS_GET_LOGS(${args}))`))[0].N;
    expect(await count(`START_TIME => CURRENT_TIMESTAMP() - INTERVAL '1 MINUTE'`)).toBe(6);
    expect(await count(`START_TIME => CURRENT_TIMESTAMP() + INTERVAL '1 MINUTE'`)).toBe(0);
    expect(await count(`END_TIME => CURRENT_TIMESTAMP() - INTERVAL '1 MINUTE'`)).toBe(0);
    await expect(run(`SELECT * FROM TABLE(${job.name}!SPCS_GET_LOGS(SINCE => CURRENT_TIMESTAMP()))`)).rejects.toThrow(
      /SPCS_GET_LOGS takes named arguments \(START_TIME, END_TIME\)/,
    );
  });

  it('lists jobs in SNOWFLAKE.ACCOUNT_USAGE.SERVICES, dropped ones with DELETED set', async () => {
    const job = executeJob(['--lines', '1'], { properties: "COMMENT = 'usage' QUERY_WAREHOUSE = LOCAL_WH" });
    await run(job.sql);
    const view = `SELECT SERVICE_NAME, SERVICE_CATALOG, SERVICE_SCHEMA, COMPUTE_POOL_NAME, MAX_INSTANCES, QUERY_WAREHOUSE, COMMENT, IS_JOB, DELETED FROM SNOWFLAKE.ACCOUNT_USAGE.SERVICES WHERE SERVICE_NAME = '${job.name}'`;
    expect(await run(view)).toEqual([
      { SERVICE_NAME: job.name, SERVICE_CATALOG: 'FLURRY', SERVICE_SCHEMA: 'PUBLIC', COMPUTE_POOL_NAME: 'POOL_S', MAX_INSTANCES: 1,
        QUERY_WAREHOUSE: 'LOCAL_WH', COMMENT: 'usage', IS_JOB: true, DELETED: null },
    ]);
    await run(`DROP SERVICE ${job.name}`);
    const [dropped] = await run(view);
    expect(dropped.DELETED).toBeInstanceOf(Date);
  });

  it('SPCS_WAIT_FOR times out with the current status', async () => {
    const job = executeJob(['--sleep', '30'], { properties: 'ASYNC = TRUE' });
    await run(job.sql);
    await waitForStatus(job.name, 'RUNNING');
    await expect(run(`CALL ${job.name}!SPCS_WAIT_FOR('DONE', 1)`)).rejects.toThrow(/did not reach status DONE within 1 seconds; its current status is RUNNING/);
    await run(`DROP SERVICE ${job.name}`);
  });

  it.each([
    ['SYSTEM$CANCEL_JOB', (name: string) => `SELECT SYSTEM$CANCEL_JOB('${name}')`],
    ['CALL !SPCS_CANCEL_JOB', (name: string) => `CALL ${name}!SPCS_CANCEL_JOB()`],
    ['SELECT !SPCS_CANCEL_JOB', (name: string) => `SELECT ${name}!SPCS_CANCEL_JOB()`],
  ])('cancels a running job with %s: CANCELLING, then CANCELLED, SIGTERM in its log', async (_form, cancel) => {
    const job = executeJob(['--lines', '1', '--sleep', '60'], { properties: 'ASYNC = TRUE' });
    await run(job.sql);
    await waitForLog(job.name, 'line 1');
    expect(await status(job.name)).toBe('RUNNING');
    await run(cancel(job.name));
    expect(['CANCELLING', 'CANCELLED']).toContain(await status(job.name));
    await waitForStatus(job.name, 'CANCELLED');
    expect(await logs(job.name)).toContain('terminating');
  });

  it('DROP SERVICE cancels a running job and removes it from SHOW', async () => {
    const job = executeJob(['--sleep', '60'], { properties: 'ASYNC = TRUE' });
    await run(job.sql);
    await waitForStatus(job.name, 'RUNNING');
    expect(await run(`DROP SERVICE ${job.name}`)).toEqual([{ status: `${job.name} successfully dropped.` }]);
    expect(await run(`SHOW JOB SERVICES LIKE '${job.name}'`)).toEqual([]);
    expect(await run(`DROP SERVICE IF EXISTS ${job.name}`)).toHaveLength(1);
    const [history] = await run(`SELECT STATUS, DELETED_TIME FROM TABLE(SNOWFLAKE.SPCS.GET_JOB_HISTORY()) WHERE NAME = '${job.name}'`);
    expect(history.STATUS).toBe('CANCELLED');
    expect(history.DELETED_TIME).not.toBeNull();
  });

  it('keeps a job that does not fit PENDING as unschedulable until capacity frees', async () => {
    await run('CREATE COMPUTE POOL TINY MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_XS');
    const resources = '    resources:\n      requests:\n        cpu: 2\n';
    const first = executeJob(['--sleep', '60'], { pool: 'TINY', properties: 'ASYNC = TRUE', extra: resources });
    const second = executeJob(['--lines', '1'], { pool: 'TINY', properties: 'ASYNC = TRUE', extra: resources });
    await run(first.sql);
    await waitForStatus(first.name, 'RUNNING');
    await run(second.sql);
    const [pending] = await run(`SHOW SERVICE CONTAINERS IN SERVICE ${second.name}`);
    expect(pending).toMatchObject({ service_status: 'PENDING', status: 'PENDING', message: 'Unschedulable due to insufficient resources' });
    await run(`SELECT SYSTEM$CANCEL_JOB('${first.name}')`);
    expect(await run(`CALL ${second.name}!SPCS_WAIT_FOR('DONE', 30)`)).toEqual([{ SPCS_WAIT_FOR: 'DONE' }]);
  });

  it('lists jobs in GET_JOB_HISTORY with Snowflake columns, newest first', async () => {
    const rows = await run('SELECT * FROM TABLE(SNOWFLAKE.SPCS.GET_JOB_HISTORY(RESULT_LIMIT => 2))');
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual([
      'QUERY_ID', 'ID', 'NAME', 'DATABASE_NAME', 'SCHEMA_NAME', 'CREATED_TIME', 'COMPLETED_TIME', 'DELETED_TIME', 'STATUS',
      'MESSAGE', 'INSTANCE_STATUSES', 'COMPUTE_POOL_NAME', 'OWNER', 'OWNER_ROLE_TYPE', 'PARAMETERS', 'MANAGING_OBJECT',
    ]);
    expect((rows[0].CREATED_TIME as Date).getTime()).toBeGreaterThanOrEqual((rows[1].CREATED_TIME as Date).getTime());
    await expect(run('SELECT * FROM TABLE(SNOWFLAKE.SPCS.GET_JOB_HISTORY(RESULT_LIMIT => 0))')).rejects.toThrow(/RESULT_LIMIT must be an integer between 1 and 10000/);
  });
});

describe('restart', () => {
  it('marks jobs that were running FAILED and keeps their logs', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'flurry-restart-'));
    try {
      const first = await startTestWarehouse({ dataDir, jobGraceMs: 500 });
      const before = await connect(first.connectionOptions());
      await execute(before, 'CREATE COMPUTE POOL P MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_XS');
      await execute(before, `EXECUTE JOB SERVICE IN COMPUTE POOL P NAME = SURVIVOR ASYNC = TRUE FROM SPECIFICATION $$${spec(['--lines', '2', '--sleep', '60'])}$$`);
      const deadline = Date.now() + 10_000;
      let text = '';
      while (!text.includes('line 2') && Date.now() < deadline) {
        const { rows } = await execute(before, "SELECT SYSTEM$GET_SERVICE_LOGS('SURVIVOR', '0', 'main') AS L");
        text = String((rows[0] as { L: string }).L);
      }
      await destroy(before);
      await first.close();

      const second = await startTestWarehouse({ dataDir });
      const after = await connect(second.connectionOptions());
      try {
        const { rows } = await execute(after, "SHOW JOB SERVICES LIKE 'SURVIVOR'");
        expect(rows).toMatchObject([{ status: 'FAILED' }]);
        const { rows: history } = await execute(after, "SELECT MESSAGE FROM TABLE(SNOWFLAKE.SPCS.GET_JOB_HISTORY()) WHERE NAME = 'SURVIVOR'");
        expect(history).toEqual([{ MESSAGE: expect.stringMatching(/warehouse restarted/) }]);
        const { rows: logRows } = await execute(after, "SELECT SYSTEM$GET_SERVICE_LOGS('SURVIVOR', '0', 'main') AS L");
        expect((logRows[0] as { L: string }).L).toContain('line 2');
        expect((await execute(after, "SHOW COMPUTE POOLS LIKE 'P'")).rows).toMatchObject([{ name: 'P', state: 'IDLE' }]);
      } finally {
        await destroy(after);
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
