/**
 * The SQL corpus through the real snowflake-sdk to a real local warehouse: broken, enormous and
 * unsupported SQL, bad names, impossible schedules, refused task graph changes and hostile job
 * specs. Each must fail with its error, the warehouse must answer a normal query afterwards, and
 * a table's rows, the task definitions, tables, pools and jobs must be as they were.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlStringLiteral } from '@/lib/domain/sql/literals';
import { execute } from '@/lib/warehouse/sdk';
import { useConnectedWarehouse } from '../local-warehouse';
import type { BadInput } from './bad-input';
import { badSpecs } from './job-specs';
import { badServiceNames, badTaskNames } from './names';
import { badSchedules } from './schedules';
import { badIdentifiersInSql, brokenSql, enormousSql, unsupportedSql, type SqlInput } from './sql-texts';
import { badGraphChanges, GRAPH_SETUP } from './task-graphs';

const local = useConnectedWarehouse();

const rowsOf = async (sql: string) => (await execute(local.connection, sql)).rows;

/** What each refused statement is checked not to have changed: a table's rows, the tasks, the jobs. */
async function storedState() {
  return {
    kept: await rowsOf('SELECT * FROM KEPT ORDER BY ID'),
    tasks: await rowsOf('SHOW TASKS IN ACCOUNT'),
    jobs: await rowsOf('SHOW JOB SERVICES'),
  };
}

/** And the rest, checked once after the whole corpus. */
async function catalogState() {
  return {
    tables: await rowsOf('SHOW TABLES'),
    databases: await rowsOf('SHOW DATABASES'),
    schemas: await rowsOf('SHOW SCHEMAS'),
    pools: await rowsOf('SHOW COMPUTE POOLS'),
  };
}

let before: Awaited<ReturnType<typeof storedState>>;
let catalogBefore: Awaited<ReturnType<typeof catalogState>>;

beforeAll(async () => {
  await rowsOf('CREATE TABLE KEPT (ID INT, NAME VARCHAR)');
  await rowsOf("INSERT INTO KEPT VALUES (1, 'plain'), (2, 'it''s; \"quoted\" ☃'), (3, NULL)");
  await rowsOf('CREATE COMPUTE POOL CORPUS_POOL MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_XS');
  await execute(local.connection, GRAPH_SETUP.join(';\n'), { parameters: { MULTI_STATEMENT_COUNT: 0 } });
  before = await storedState();
  catalogBefore = await catalogState();
}, 60_000);

async function refusalOf({ sql, parameters }: SqlInput): Promise<string> {
  try {
    await execute(local.connection, sql, { parameters });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`the warehouse accepted: ${sql.slice(0, 200)}`);
}

/** Refused as `patterns` say; then the warehouse still answers queries (reading KEPT is one) and holds what it held. */
async function expectRefused(input: SqlInput, ...patterns: RegExp[]): Promise<void> {
  const message = await refusalOf(input);
  for (const pattern of patterns) expect(message).toMatch(pattern);
  expect(await storedState()).toEqual(before);
}

function refuses(title: string, cases: BadInput<SqlInput>[]) {
  describe(`${title} (${cases.length} cases)`, () => {
    it.each(cases)('$name', ({ input, expect: pattern }) => expectRefused(input, pattern));
  });
}

refuses('broken SQL', brokenSql);
refuses('enormous SQL', enormousSql);
refuses('statements the warehouse does not support', unsupportedSql);
refuses('identifiers Snowflake does not take', badIdentifiersInSql);

const statements = (cases: BadInput<string>[]): BadInput<SqlInput>[] => cases.map((item) => ({ ...item, input: { sql: item.input } }));

refuses('task names', statements(badTaskNames));
refuses('job service and pool names', statements(badServiceNames));
refuses('task graph changes', statements(badGraphChanges));

describe(`schedules in CREATE TASK (${badSchedules.length} cases)`, () => {
  it.each(badSchedules)('$name', ({ input, expect: pattern }) =>
    expectRefused({ sql: `CREATE TASK SCHEDULED SCHEDULE = ${sqlStringLiteral(input)} AS SELECT 1` }, /^SQL compilation error:\nInvalid SCHEDULE: /, pattern, /\(line 1 at position 33\)$/),
  );
});

describe(`specs in EXECUTE JOB SERVICE (${badSpecs.length} cases)`, () => {
  it.each(badSpecs)('$name', ({ input, expect: pattern }) =>
    expectRefused({ sql: `EXECUTE JOB SERVICE IN COMPUTE POOL CORPUS_POOL FROM SPECIFICATION $$${input}$$` }, /^SQL compilation error:\nInvalid spec: /, pattern),
  );
});

describe('hostile but valid input', () => {
  it('keeps a task name with quotes, a semicolon and unicode exactly, and drops it again', async () => {
    const name = 'it\'s; "quoted" ☃';
    await rowsOf(`CREATE TASK "${name.replace(/"/g, '""')}" AS SELECT 1`);
    expect((await rowsOf(`SHOW TASKS LIKE 'it''s%'`)).map((row) => (row as { name: string }).name)).toEqual([name]);
    await rowsOf(`DROP TASK "${name.replace(/"/g, '""')}"`);
    expect(await storedState()).toEqual(before);
  });

  it('has changed no table, database, schema or compute pool after the whole corpus', async () => {
    expect(await catalogState()).toEqual(catalogBefore);
  });

  it('fails a job whose arguments the operating system cannot take, naming why, and keeps serving', async () => {
    const spec = `spec:\n  containers:\n  - name: main\n    image: /db/schema/repo/flurry_test:latest\n    args: ["${'x'.repeat(200_000)}"]\n`;
    const message = await refusalOf({ sql: `EXECUTE JOB SERVICE IN COMPUTE POOL CORPUS_POOL NAME = TOO_LONG FROM SPECIFICATION $$${spec}$$` });
    expect(message).toMatch(/^Job FLURRY\.PUBLIC\.TOO_LONG ended with status FAILED: Container main of instance 0: Could not start "node": spawn E2BIG \(its arguments and environment are larger than the operating system allows\)/);
    expect(await rowsOf('SELECT 42 AS ANSWER')).toEqual([{ ANSWER: 42 }]);
    const [job] = (await rowsOf('SHOW JOB SERVICES')) as { name: string; status: string }[];
    expect(job).toMatchObject({ name: 'TOO_LONG', status: 'FAILED' });
  });
});
