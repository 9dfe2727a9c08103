/**
 * The Launch examples of asynchronous child jobs run as they are, through snowflake-sdk against
 * the local warehouse, the way the Launch page submits them (split into statements, in order),
 * and answer what the documentation says they do.
 */
import { describe, expect, it } from 'vitest';
import { splitStatements } from '@/lib/domain/sql/split-statements';
import { execute } from '@/lib/warehouse/sdk';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { SQL_EXAMPLES } from './examples';

// Eight slots, as a warehouse's default MAX_CONCURRENCY_LEVEL.
const ctx = useConnectedWarehouse({ concurrency: 8 });

const PROCEDURES = SQL_EXAMPLES.filter((example) => example.name.startsWith('Procedure:'));

/** Runs an example's statements in order; the last one's rows, or the first error. */
async function run(name: string): Promise<unknown[][]> {
  const example = SQL_EXAMPLES.find((candidate) => candidate.name === name);
  if (!example) throw new Error(`no example named ${name}`);
  let rows: unknown[][] = [];
  for (const statement of splitStatements(example.sql)) {
    rows = (await execute<unknown[]>(ctx.connection, statement.sql, { rowMode: 'array' })).rows;
  }
  return rows;
}

describe('the Launch examples of asynchronous child jobs', () => {
  it('are sequences of one CREATE PROCEDURE (and its table) then a CALL, each procedure kept whole', () => {
    expect(PROCEDURES).toHaveLength(6);
    for (const example of PROCEDURES) {
      expect(example.mode, example.name).toBe('sequence');
      const statements = splitStatements(example.sql).map((statement) => statement.sql);
      expect(statements.filter((sql) => sql.startsWith('CREATE OR REPLACE PROCEDURE')), example.name).toHaveLength(1);
      expect(statements.some((sql) => sql.startsWith('CALL ')), example.name).toBe(true);
    }
  });

  it('report a running child, then SUCCESS after AWAIT', async () => {
    expect(await run('Procedure: status of a running child')).toEqual([['before AWAIT: RUNNING, after: SUCCESS']]);
  });

  it('cancel a child before it inserts: nothing is inserted', async () => {
    expect(await run('Procedure: cancel a child before it inserts')).toEqual([[0]]);
  });

  it('block on AWAIT until the child is done', async () => {
    expect(await run('Procedure: AWAIT a child')).toEqual([['waited 2 seconds']]);
  });

  it('refuse to return a child that was not awaited', async () => {
    await expect(run('Procedure: return an unfinished child (fails)')).rejects.toMatchObject({ message: expect.stringContaining('AWAIT') });
  });

  it('cancel the child of a parent that ended first: it never inserts', async () => {
    expect(await run('Procedure: the parent ends first')).toEqual([['returned before its child could insert: the child is cancelled']]);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const [[rows]] = (await execute<unknown[]>(ctx.connection, "SELECT COUNT(*) FROM EXAMPLE_INSERTS WHERE NOTE = 'orphaned child'", { rowMode: 'array' })).rows;
    expect(Number(rows)).toBe(0);
  });

  it('run the six-children pipeline to its end', async () => {
    expect(await run('Procedure: six-children pipeline')).toEqual([['six children done']]);
  });
});

