import { describe, expect, it } from 'vitest';
import { interpreterFixture } from './interpreter-fixture';

const { run, value, failure } = interpreterFixture();

const invoices = ['CREATE TABLE invoices (id INTEGER, price NUMBER(12, 2))', 'INSERT INTO invoices VALUES (1, 11.11), (2, 22.22)'];

describe('cursors', () => {
  it('opens with USING values in the placeholders and fetches into variables (cursors.md)', async () => {
    const text = `DECLARE
  id INTEGER DEFAULT 0;
  minimum_price NUMBER(13,2) DEFAULT 22.00;
  maximum_price NUMBER(13,2) DEFAULT 33.00;
  c1 CURSOR FOR SELECT id FROM invoices WHERE price > ? AND price < ?;
BEGIN
  OPEN c1 USING (minimum_price, maximum_price);
  FETCH c1 INTO id;
  RETURN id;
END;`;
    const { result, host } = await run(text, { setup: invoices });
    expect(result).toEqual({ kind: 'value', value: { value: 2, type: 'NUMBER(38,0)' } });
    expect(host.started).toEqual([
      "SELECT id FROM invoices WHERE price > CAST('22' AS NUMBER(13,2)) AND price < CAST('33' AS NUMBER(13,2))",
    ]);
  });

  it('fetches row after row, then NULLs past the last; extra variables stay unset', async () => {
    const text = `DECLARE
  a NUMBER(12, 2);
  b VARCHAR DEFAULT 'unset';
  seen VARCHAR DEFAULT '';
  c1 CURSOR FOR SELECT price FROM invoices ORDER BY id;
BEGIN
  OPEN c1;
  FETCH c1 INTO a, b;
  seen := seen || a || ' ';
  FETCH c1 INTO a;
  seen := seen || a || ' ';
  FETCH c1 INTO a;
  CLOSE c1;
  RETURN seen || COALESCE(a::VARCHAR, 'null') || ' ' || b;
END;`;
    expect(await value(text, { setup: invoices })).toBe('11.11 22.22 null unset');
  });

  it('refuses FETCH from a cursor that is closed', async () => {
    const { error } = await failure(`DECLARE
  x INTEGER;
  c1 CURSOR FOR SELECT 1;
BEGIN
  OPEN c1;
  CLOSE c1;
  FETCH c1 INTO x;
END;`);
    expect(error.message).toBe("Uncaught exception of type 'STATEMENT_ERROR' on line 7 at position 2 : Cursor 'C1' is not open.");
  });

  it('reads a RESULTSET through a cursor declared for it, without running the query again', async () => {
    const text = `DECLARE
  accumulator INTEGER DEFAULT 0;
  res1 RESULTSET DEFAULT (SELECT id FROM invoices ORDER BY id);
  cur1 CURSOR FOR res1;
BEGIN
  FOR row_variable IN cur1 DO
    accumulator := accumulator + row_variable.id;
  END FOR;
  RETURN accumulator;
END;`;
    const { result, host } = await run(text, { setup: invoices });
    expect(result).toEqual({ kind: 'value', value: { value: 3, type: 'NUMBER(38,0)' } });
    expect(host.started).toEqual(['SELECT id FROM invoices ORDER BY id']);
  });

  it('names a field the row does not have as an invalid identifier', async () => {
    const { error } = await failure(
      `DECLARE
  c1 CURSOR FOR SELECT price FROM invoices;
  x FLOAT;
BEGIN
  FOR r IN c1 DO
    x := r.nosuch;
  END FOR;
END;`,
      { setup: invoices },
    );
    expect(error.code).toBe('000904');
    expect(error.message).toContain("invalid identifier 'R.NOSUCH'");
  });
});

describe('returning tables', () => {
  it('returns TABLE(rs) as the query id of the RESULTSET', async () => {
    const { result, host } = await run(
      `DECLARE
  res RESULTSET DEFAULT (SELECT id FROM invoices ORDER BY id);
BEGIN
  SELECT 1;
  RETURN TABLE(res);
END;`,
      { setup: invoices },
    );
    expect(result).toEqual({ kind: 'table', queryId: 'child-1' });
    expect((await host.rows('child-1')).rows.map((row) => row[0].value)).toEqual([1, 2]);
  });

  it('returns TABLE(RESULTSET_FROM_CURSOR(c)) as the query id of the open cursor, all rows included', async () => {
    const { result } = await run(
      `DECLARE
  c1 CURSOR FOR SELECT * FROM invoices;
  x INTEGER;
BEGIN
  SELECT 1;
  OPEN c1;
  FETCH c1 INTO x;
  RETURN TABLE(RESULTSET_FROM_CURSOR(c1));
END;`,
      { setup: invoices },
    );
    expect(result).toEqual({ kind: 'table', queryId: 'child-2' });
  });

  it('runs a query assigned to a declared RESULTSET when it is assigned', async () => {
    const { result, host } = await run(
      `DECLARE
  res RESULTSET;
BEGIN
  INSERT INTO invoices VALUES (3, 1.00);
  res := (SELECT COUNT(*) AS n FROM invoices);
  INSERT INTO invoices VALUES (4, 1.00);
  RETURN TABLE(res);
END;`,
      { setup: invoices },
    );
    expect(result).toEqual({ kind: 'table', queryId: 'child-2' });
    expect((await host.rows('child-2')).rows[0][0].value).toBe(3);
  });
});
