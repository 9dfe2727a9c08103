import { describe, expect, it } from 'vitest';
import { splitStatements } from './split-statements';

describe('splitStatements', () => {
  it('splits at top-level semicolons, trims, and drops the trailing semicolon', () => {
    expect(splitStatements('  SELECT 1;\n\nSELECT 2 ;  ')).toEqual([
      { sql: 'SELECT 1', line: 1, column: 3 },
      { sql: 'SELECT 2', line: 3, column: 1 },
    ]);
  });

  it('ignores semicolons in strings, $$ bodies, quoted identifiers and comments', () => {
    const script = [
      "SELECT 'a;b', 'it''s;', 'x\\';y';",
      'CREATE FUNCTION f() RETURNS INT AS $$ 1; $$;',
      'SELECT "col;name" FROM t -- note; here',
      ';/* a; b */ SELECT 4',
    ].join('\n');
    expect(splitStatements(script).map((s) => s.sql)).toEqual([
      "SELECT 'a;b', 'it''s;', 'x\\';y'",
      'CREATE FUNCTION f() RETURNS INT AS $$ 1; $$',
      'SELECT "col;name" FROM t -- note; here',
      '/* a; b */ SELECT 4',
    ]);
  });

  it('drops empty and comment-only pieces', () => {
    expect(splitStatements(';;  \n-- only a comment\n; /* block */ ;SELECT 1;// trailing')).toEqual([
      { sql: 'SELECT 1', line: 3, column: 16 },
    ]);
    expect(splitStatements('')).toEqual([]);
  });

  it('keeps an unterminated string as part of the last statement', () => {
    expect(splitStatements("SELECT 1; SELECT 'open; still open").map((s) => s.sql)).toEqual([
      'SELECT 1',
      "SELECT 'open; still open",
    ]);
  });
});

/** The statements' texts, for the Snowflake Scripting cases below. */
const texts = (script: string) => splitStatements(script).map((statement) => statement.sql);

describe('splitStatements with Snowflake Scripting blocks', () => {
  it('keeps DECLARE … BEGIN … END; whole, with nested IF, FOR, WHILE, REPEAT, LOOP and CASE (developer-guide/snowflake-scripting/blocks)', () => {
    const block = `DECLARE
  c1 CURSOR FOR SELECT price FROM invoices;
  total FLOAT DEFAULT 0.0;
BEGIN
  FOR rec IN c1 DO
    total := total + rec.price;
  END FOR;
  IF (total > 10) THEN
    total := CASE WHEN total > 100 THEN 100 ELSE total END;
  ELSEIF (total < 0) THEN
    RETURN 'negative';
  END IF;
  WHILE (total > 0) LOOP
    total := total - 1;
  END LOOP;
  REPEAT
    total := total + REPEAT('a', 2)::INT;
  UNTIL (total > 8)
  END REPEAT outer_label;
  LOOP
    BREAK;
  END LOOP;
  CASE (total)
    WHEN 1 THEN RETURN 'one';
    ELSE RETURN 'other';
  END;
  CASE WHEN total = 2 THEN NULL; END CASE;
  RETURN total;
EXCEPTION
  WHEN OTHER THEN RETURN SQLERRM;
END`;
    expect(texts(`SELECT 0;\n${block};\nSELECT 2;`)).toEqual(['SELECT 0', block, 'SELECT 2']);
  });

  it('keeps BEGIN … END; whole with nested blocks and BEGIN TRANSACTION inside (sql-reference/snowflake-scripting/begin)', () => {
    const block = `BEGIN
    BEGIN TRANSACTION;
    TRUNCATE TABLE child;
    BEGIN
      CREATE TABLE IF NOT EXISTS parent (ID INTEGER);
    END inner_block;
    DECLARE x INT; BEGIN x := 1; END;
    COMMIT;
    RETURN '';
END`;
    expect(texts(`${block};\nSELECT 1`)).toEqual([block, 'SELECT 1']);
    expect(splitStatements(`-- first\n${block};`)).toEqual([{ sql: `-- first\n${block}`, line: 1, column: 1 }]);
  });

  it('keeps CREATE [OR REPLACE] PROCEDURE … AS BEGIN … END; whole without $$ (developer-guide/snowflake-scripting/asynchronous-child-jobs)', () => {
    const procedure = `CREATE OR REPLACE PROCEDURE test_sp_async_child_jobs_insert(
  arg1 INT,
  arg2 NUMBER(12,2))
RETURNS TABLE()
LANGUAGE SQL
AS
  BEGIN
   CREATE TABLE IF NOT EXISTS orders_q3_2024 (
      order_id INT,
      order_amount NUMBER(12,2));
    LET insert_1 RESULTSET := ASYNC (INSERT INTO orders_q3_2024 SELECT :arg1, :arg2);
    AWAIT insert_1;
    LET res RESULTSET := (SELECT * FROM orders_q3_2024 ORDER BY order_id);
    RETURN TABLE(res);
  END`;
    expect(texts(`${procedure};\n\ncall test_sp_async_child_jobs_insert(1, 10000);`)).toEqual([procedure, 'call test_sp_async_child_jobs_insert(1, 10000)']);
    const declared = 'CREATE PROCEDURE p() RETURNS INT LANGUAGE SQL AS DECLARE x INT DEFAULT 1; BEGIN RETURN x; END';
    expect(texts(`${declared}; SELECT 1`)).toEqual([declared, 'SELECT 1']);
    // A task's body may be a block too (sql-reference/sql/create-task).
    const task = 'CREATE TASK t SCHEDULE = \'5 MINUTE\' AS BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END';
    expect(texts(`${task};\nSELECT 1`)).toEqual([task, 'SELECT 1']);
  });

  it('splits BEGIN; and BEGIN TRANSACTION; as transaction statements (sql-reference/sql/begin)', () => {
    expect(texts('BEGIN; INSERT INTO t VALUES (1); COMMIT;')).toEqual(['BEGIN', 'INSERT INTO t VALUES (1)', 'COMMIT']);
    expect(texts('begin transaction; SELECT 1; BEGIN WORK; BEGIN NAME t1; SELECT 2')).toEqual([
      'begin transaction',
      'SELECT 1',
      'BEGIN WORK',
      'BEGIN NAME t1',
      'SELECT 2',
    ]);
    expect(texts('BEGIN /* no block */ ; SELECT 1')).toEqual(['BEGIN /* no block */', 'SELECT 1']);
  });

  it('still splits CREATE statements that hold no block, and a block inside $$ stays one token', () => {
    expect(texts('CREATE TABLE IF NOT EXISTS t (a INT); CREATE VIEW v AS SELECT CASE WHEN a THEN 1 END AS b FROM t; SELECT 1')).toEqual([
      'CREATE TABLE IF NOT EXISTS t (a INT)',
      'CREATE VIEW v AS SELECT CASE WHEN a THEN 1 END AS b FROM t',
      'SELECT 1',
    ]);
    expect(texts('EXECUTE IMMEDIATE $$ BEGIN RETURN 1; END; $$; SELECT 1')).toEqual(['EXECUTE IMMEDIATE $$ BEGIN RETURN 1; END; $$', 'SELECT 1']);
  });

  it('keeps an unfinished block (still being typed) as one statement to the end of the text', () => {
    expect(texts('SELECT 1; BEGIN\n  LET x := 1;\n  IF (x > 0) THEN\n    RETURN x;')).toEqual(['SELECT 1', 'BEGIN\n  LET x := 1;\n  IF (x > 0) THEN\n    RETURN x;']);
  });
});
