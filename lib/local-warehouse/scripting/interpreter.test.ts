import { describe, expect, it } from 'vitest';
import { interpreterFixture } from './interpreter-fixture';

const { run, value, failure } = interpreterFixture();

describe('variables', () => {
  it('declares, assigns and casts to the declared type (variables.md example)', async () => {
    const text = `DECLARE
  w INTEGER;
  dt DATE;
  result_string VARCHAR;
BEGIN
  w := 1;
  w := 24 * 7;
  dt := '2020-09-30';
  result_string := w::VARCHAR || ', ' || dt::VARCHAR;
  RETURN result_string;
END;`;
    expect(await value(text)).toBe('168, 2020-09-30');
  });

  it('keeps a typed variable in its type: NUMBER(38, 2) profit from a LET', async () => {
    const { result } = await run(`DECLARE
  profit NUMBER(38, 2) DEFAULT 0.0;
BEGIN
  LET cost NUMBER(38, 2) := 100.0;
  LET revenue NUMBER(38, 2) DEFAULT 110.0;
  profit := revenue - cost;
  RETURN profit;
END;`);
    expect(result).toEqual({ kind: 'value', value: { value: 10, type: 'NUMBER(38,2)' } });
  });

  it('fails an assignment that cannot be cast as EXPRESSION_ERROR at the expression', async () => {
    const { error } = await failure(`DECLARE
  n INTEGER;
BEGIN
  n := 'abc';
END;`);
    expect(error.code).toBe('100038');
    expect(error.message).toBe("Uncaught exception of type 'EXPRESSION_ERROR' on line 4 at position 7 : Numeric value 'abc' is not recognized");
  });

  it('scopes names lexically: inner blocks hide outer names and arguments (variables.md duplicate_name)', async () => {
    const text = `BEGIN
  DECLARE
    PV_NAME VARCHAR;
  BEGIN
    PV_NAME := 'middle block variable';
    DECLARE
      PV_NAME VARCHAR;
    BEGIN
      PV_NAME := 'innermost block variable';
      INSERT INTO names (v) VALUES (:PV_NAME);
    END;
    INSERT INTO names (v) VALUES (:PV_NAME);
  END;
  INSERT INTO names (v) VALUES (:PV_NAME);
  RETURN 'Completed.';
END;`;
    const { host } = await run(text, {
      setup: ['CREATE TABLE names (v VARCHAR)'],
      args: { PV_NAME: { value: 'parameter', type: 'VARCHAR' } },
    });
    const names = await host.evaluate("(SELECT string_agg(v, '|' ORDER BY v) FROM names)");
    expect(names.value).toBe('innermost block variable|middle block variable|parameter');
  });

  it('binds values as literals: quotes stay quotes, negatives stay negative, unknown words stay columns', async () => {
    const text = `DECLARE
  s VARCHAR DEFAULT 'it''s; DROP TABLE t; --';
  y INTEGER DEFAULT -5;
BEGIN
  INSERT INTO t (a, s) VALUES (10 - :y, :s);
  RETURN (SELECT a || '/' || s FROM t WHERE s = :s) || '/' || (10 - y) || '/' || 's';
END;`;
    expect(await value(text, { setup: ['CREATE TABLE t (a INTEGER, s VARCHAR)'] })).toBe("15/it's; DROP TABLE t; --/15/s");
  });

  it('refuses a bind that names no variable, naming it and where it is', async () => {
    const { error } = await failure(`BEGIN
  SELECT :nope;
END;`);
    expect(error.code).toBe('002049');
    expect(error.message).toContain('Bind variable :nope not set.');
    expect(error.message).toMatch(/^Uncaught exception of type 'STATEMENT_ERROR' on line 2 at position 2 : /);
  });
});

describe('SQL statements and their status variables', () => {
  it('sets SQLROWCOUNT, SQLFOUND and SQLNOTFOUND after DML, and NULL after other statements (dml-status.md)', async () => {
    const text = `BEGIN
  INSERT INTO my_values VALUES (1), (2), (3);
  LET inserted := SQLROWCOUNT;
  UPDATE my_values SET value = 4 WHERE value < 3;
  LET found := SQLFOUND;
  UPDATE my_values SET value = 5 WHERE value > 100;
  LET notfound := SQLNOTFOUND;
  SELECT * FROM my_values;
  RETURN inserted || ',' || found || ',' || notfound || ',' || COALESCE(SQLROWCOUNT::VARCHAR, 'null') || ',' || ACTIVITY_COUNT;
END;`;
    expect(await value(text, { setup: ['CREATE TABLE my_values (value INTEGER)'] })).toBe('3,true,true,null,3');
  });

  it('sets SQLID to the query id of each statement (query-id.md)', async () => {
    const text = `DECLARE
  query_id_1 VARCHAR;
  query_id_2 VARCHAR;
BEGIN
  SELECT 1;
  query_id_1 := SQLID;
  SELECT 2;
  query_id_2 := SQLID;
  RETURN query_id_1 || ' ' || query_id_2;
END;`;
    expect(await value(text)).toBe('child-1 child-2');
  });

  it('sets variables from the first row of SELECT … INTO', async () => {
    const text = `DECLARE
  id INTEGER;
  name VARCHAR;
BEGIN
  SELECT id, name INTO :id, :name FROM some_data WHERE id = 1;
  RETURN id || ' ' || name;
END;`;
    const setup = ['CREATE TABLE some_data (id INTEGER, name VARCHAR)', "INSERT INTO some_data VALUES (1, 'a'), (2, 'b')"];
    expect(await value(text, { setup })).toBe('1 a');
  });

  it('answers none for a block that ends without RETURN, after running its statements', async () => {
    const { result, host } = await run(`BEGIN
  CREATE TABLE parent (id INTEGER);
END;`);
    expect(result).toEqual({ kind: 'none' });
    expect(host.started).toEqual(['CREATE TABLE parent (id INTEGER)']);
  });

  it('fails a failing statement as STATEMENT_ERROR with its code and state', async () => {
    const { error } = await failure(`BEGIN
  SELECT * FROM non_existent_table;
END;`);
    expect(error.code).toBe('002003');
    expect(error.sqlState).toBe('42S02');
    expect(error.message).toMatch(/^Uncaught exception of type 'STATEMENT_ERROR' on line 2 at position 2 : SQL compilation error:\n/);
  });
});

describe('branches', () => {
  const grade = (n: number) => `DECLARE
  n INTEGER DEFAULT ${n};
BEGIN
  IF (n > 10) THEN
    RETURN 'big';
  ELSEIF (n > 5) THEN
    RETURN 'middle';
  ELSE
    RETURN 'small';
  END IF;
END;`;

  it('runs the first IF branch whose condition holds, else ELSE', async () => {
    expect([await value(grade(11)), await value(grade(7)), await value(grade(1))]).toEqual(['big', 'middle', 'small']);
  });

  it('runs a simple CASE by comparing its subject, and a searched CASE by conditions', async () => {
    const text = `DECLARE
  expression_to_evaluate VARCHAR DEFAULT 'value two';
  out VARCHAR DEFAULT '';
BEGIN
  CASE (expression_to_evaluate)
    WHEN 'value one' THEN out := 'one';
    WHEN 'value two' THEN out := 'two';
    ELSE out := 'unexpected';
  END CASE;
  CASE
    WHEN expression_to_evaluate = 'value one' THEN out := out || ',one';
    WHEN expression_to_evaluate LIKE '%two' THEN out := out || ',searched two';
  END CASE;
  RETURN out;
END;`;
    expect(await value(text)).toBe('two,searched two');
  });
});

describe('loops', () => {
  it('counts FOR from one bound to the other, and downwards with REVERSE', async () => {
    const text = `DECLARE
  up VARCHAR DEFAULT '';
  down VARCHAR DEFAULT '';
  maximum_count INTEGER DEFAULT 3;
BEGIN
  FOR i IN 1 TO maximum_count DO
    up := up || i;
  END FOR;
  FOR i IN REVERSE 1 TO maximum_count DO
    down := down || i;
  END FOR;
  RETURN up || ' ' || down;
END;`;
    expect(await value(text)).toBe('123 321');
  });

  it('runs WHILE while its condition holds, REPEAT until its condition holds, LOOP until BREAK', async () => {
    const text = `DECLARE
  w INTEGER DEFAULT 1;
  r INTEGER DEFAULT 1;
  l INTEGER DEFAULT 0;
BEGIN
  WHILE (w < 100) DO
    w := w * 2;
  END WHILE;
  REPEAT
    r := r + 10;
  UNTIL (r > 0)
  END REPEAT;
  LOOP
    l := l + 1;
    IF (l = 4) THEN
      BREAK;
    END IF;
  END LOOP;
  RETURN w || ',' || r || ',' || l;
END;`;
    expect(await value(text)).toBe('128,11,4');
  });

  it('acts with BREAK and CONTINUE on the innermost loop, or on the loop their label names', async () => {
    const text = `DECLARE
  visited VARCHAR DEFAULT '';
BEGIN
  FOR i IN 1 TO 3 DO
    FOR j IN 1 TO 3 DO
      IF (j = 2) THEN
        CONTINUE;
      END IF;
      IF (i = 2) THEN
        ITERATE outer_loop;
      END IF;
      IF (i = 3 AND j = 3) THEN
        EXIT outer_loop;
      END IF;
      visited := visited || i || j || ' ';
    END FOR inner_loop;
  END FOR outer_loop;
  RETURN visited;
END;`;
    expect(await value(text)).toBe('11 13 31 ');
  });

  it('visits the rows of a cursor and of a RESULTSET with a record variable', async () => {
    const text = `DECLARE
  total_price FLOAT DEFAULT 0.0;
  c1 CURSOR FOR SELECT price FROM invoices;
  rs RESULTSET;
BEGIN
  FOR record IN c1 DO
    total_price := total_price + record.price;
  END FOR;
  rs := (SELECT price * 10 AS tenfold FROM invoices);
  FOR record IN rs DO
    total_price := total_price + record.tenfold;
  END FOR;
  RETURN total_price;
END;`;
    const setup = ['CREATE TABLE invoices (price NUMBER(12, 2))', 'INSERT INTO invoices VALUES (11.11), (22.22)'];
    expect(await value(text, { setup })).toBeCloseTo(366.63, 6);
  });
});
