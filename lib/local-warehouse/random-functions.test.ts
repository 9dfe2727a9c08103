/**
 * RANDOM and UNIFORM through the real snowflake-sdk against the real local warehouse: 64-bit
 * integers from RANDOM, repeatable sequences from a seed, and UNIFORM's integer or float range.
 */
import { describe, expect, it } from 'vitest';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { execute, type Statement } from '@/lib/warehouse/sdk';

const ctx = useConnectedWarehouse();

/** The first column of every row, numbers as their exact text, and the column's type. */
async function column(sqlText: string): Promise<{ type: string; scale: number; values: string[] }> {
  const { statement, rows } = await new Promise<{ statement: Statement; rows: unknown[][] }>((resolve, reject) => {
    ctx.connection.execute({
      sqlText,
      rowMode: 'array',
      fetchAsString: ['Number'],
      complete: (error, stmt, result) => (error ? reject(error) : resolve({ statement: stmt, rows: result as unknown[][] })),
    });
  });
  const described = statement.getColumns()?.[0];
  if (!described) throw new Error(`${sqlText} returned no columns`);
  return { type: described.getType(), scale: described.getScale(), values: rows.map((row) => String(row[0])) };
}

const rows = (n: number) => `FROM TABLE(GENERATOR(ROWCOUNT => ${n}))`;

describe('RANDOM and UNIFORM through snowflake-sdk', () => {
  it('RANDOM() returns 64-bit integers across the whole range', async () => {
    const { type, scale, values } = await column(`SELECT RANDOM() ${rows(200)}`);
    expect([type, scale]).toEqual(['fixed', 0]);
    const numbers = values.map(BigInt);
    expect(numbers.every((n) => n >= -(2n ** 63n) && n < 2n ** 63n)).toBe(true);
    expect(new Set(values).size).toBe(200);
    expect(numbers.some((n) => n < 0n) && numbers.some((n) => n > 2n ** 53n)).toBe(true);
  });

  it('RANDOM(seed) repeats its sequence on every run, and leaves later statements random', async () => {
    const first = await column(`SELECT RANDOM(42) ${rows(5)}`);
    const again = await column(`SELECT RANDOM(42) ${rows(5)}`);
    expect(again.values).toEqual(first.values);
    expect(new Set(first.values).size).toBe(5);
    expect((await column(`SELECT RANDOM(43) ${rows(5)}`)).values).not.toEqual(first.values);
    const [a, b] = await Promise.all([column('SELECT RANDOM()'), column('SELECT RANDOM()')]);
    expect(a.values).not.toEqual(b.values);
  });

  it('UNIFORM gives integers in [min, max] for integer bounds, floats for float bounds, a constant for a constant gen', async () => {
    const dice = await column(`SELECT UNIFORM(1, 6, RANDOM()) ${rows(600)}`);
    expect([dice.type, dice.scale]).toEqual(['fixed', 0]);
    expect([...new Set(dice.values)].sort()).toEqual(['1', '2', '3', '4', '5', '6']);

    const unit = await column(`SELECT UNIFORM(0::FLOAT, 1::FLOAT, RANDOM()) ${rows(100)}`);
    expect(unit.type).toBe('real');
    expect(unit.values.map(Number).every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(unit.values).size).toBe(100);

    const constant = await column(`SELECT UNIFORM(1, 1000, 42) ${rows(3)}`);
    expect(new Set(constant.values).size).toBe(1);
    expect((await column(`SELECT UNIFORM(1, 1000, 42)`)).values).toEqual(constant.values.slice(0, 1));

    await expect(execute(ctx.connection, 'SELECT UNIFORM(1, N, RANDOM()) FROM (SELECT 2 AS N)')).rejects.toMatchObject({
      code: '002000',
      message: "SQL compilation error:\nargument 2 to function UNIFORM needs to be constant, found 'N'",
    });
  });
});
