/**
 * parseBlock on the examples of Snowflake's documentation, one construct at a time; each test
 * cites the page its block comes from (https://docs.snowflake.com/en/…).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex } from '../sql/lexer';
import { statementText } from '../sql/sql-fragments.fixture';
import type { Statement } from './ast';
import { parseBlock } from './parse-block';

/** The block's body with every `at` removed, for comparing shapes. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'at').map(([key, inner]) => [key, shape(inner)]));
}

const expr = (sql: string) => ({ sql });
const body = (text: string): Statement[] => parseBlock(text).body;

describe('parseBlock: declarations and assignments', () => {
  it('reads variables with and without type and value, LET, and := (sql-reference/snowflake-scripting/declare)', () => {
    const block = parseBlock(`DECLARE
  profit number(38, 2) DEFAULT 0.0;
  untyped := 'x';
  bare VARCHAR;
BEGIN
  LET cost number(38, 2) := 100.0;
  LET revenue number(38, 2) DEFAULT 110.0;
  LET counter := 0;

  profit := revenue - cost;
  RETURN profit;
END;`);
    expect(shape(block.declarations)).toEqual([
      { kind: 'variable', name: 'PROFIT', type: 'number(38, 2)', value: expr('0.0') },
      { kind: 'variable', name: 'UNTYPED', type: null, value: expr("'x'") },
      { kind: 'variable', name: 'BARE', type: 'VARCHAR', value: null },
    ]);
    expect(shape(block.body)).toEqual([
      { kind: 'let', name: 'COST', type: 'number(38, 2)', value: expr('100.0') },
      { kind: 'let', name: 'REVENUE', type: 'number(38, 2)', value: expr('110.0') },
      { kind: 'let', name: 'COUNTER', type: null, value: expr('0') },
      { kind: 'assign', name: 'PROFIT', value: expr('revenue - cost'), async: false },
      { kind: 'return', value: expr('profit') },
    ]);
    expect(block.handlers).toBeNull();
    expect(block.label).toBeNull();
  });

  it('keeps quoted names as written and upper-cases the rest', () => {
    const [assign] = body('BEGIN "myVar" := 1; END');
    expect(assign).toMatchObject({ kind: 'assign', name: 'myVar' });
  });

  it('gives each node its 1-based line and column within the block text', () => {
    const block = parseBlock('DECLARE\n  x INT;\nBEGIN\n    x := 1 +\n  2;\nEND;');
    expect(block.at).toEqual({ line: 1, column: 1 });
    expect(block.declarations[0].at).toEqual({ line: 2, column: 3 });
    expect(block.body[0]).toEqual({ kind: 'assign', name: 'X', value: { sql: '1 +\n  2', at: { line: 4, column: 10 } }, async: false, at: { line: 4, column: 5 } });
  });

  it('reads SELECT … INTO and takes the INTO clause out of the statement (developer-guide/snowflake-scripting/variables)', () => {
    expect(shape(body(`BEGIN
  SELECT id, name INTO :id_variable, :name_variable FROM some_data WHERE id = 1;
  SELECT COUNT(*) INTO n FROM (SELECT 1 INTO_NOT_A_CLAUSE);
  INSERT INTO t VALUES (:id_variable);
END;`))).toEqual([
      { kind: 'sql', sql: expr('SELECT id, name FROM some_data WHERE id = 1'), into: ['ID_VARIABLE', 'NAME_VARIABLE'] },
      { kind: 'sql', sql: expr('SELECT COUNT(*) FROM (SELECT 1 INTO_NOT_A_CLAUSE)'), into: ['N'] },
      { kind: 'sql', sql: expr('INSERT INTO t VALUES (:id_variable)'), into: null },
    ]);
  });

  it('keeps embedded SQL whole: strings, comments and $$ bodies with ; inside, BEGIN TRANSACTION (sql-reference/snowflake-scripting/begin)', () => {
    expect(shape(body(`BEGIN
    BEGIN TRANSACTION;
    INSERT INTO t VALUES ('a;b' /* ; */);
    EXECUTE IMMEDIATE $$ SELECT 1; $$;
    COMMIT;
    RETURN '';
END;`))).toEqual([
      { kind: 'sql', sql: expr('BEGIN TRANSACTION'), into: null },
      { kind: 'sql', sql: expr("INSERT INTO t VALUES ('a;b' /* ; */)"), into: null },
      { kind: 'sql', sql: expr('EXECUTE IMMEDIATE $$ SELECT 1; $$'), into: null },
      { kind: 'sql', sql: expr('COMMIT'), into: null },
      { kind: 'return', value: expr("''") },
    ]);
  });
});

describe('parseBlock: branches', () => {
  it('reads IF / ELSEIF / ELSE (developer-guide/snowflake-scripting/branch)', () => {
    expect(shape(body(`BEGIN
  LET count := 1;
  IF (count < 0) THEN
    RETURN 'negative value';
  ELSEIF (count = 0) THEN
    RETURN 'zero';
  ELSE
    RETURN 'positive value';
  END IF;
END;`)[1])).toEqual({
      kind: 'if',
      branches: [
        { condition: expr('(count < 0)'), body: [{ kind: 'return', value: expr("'negative value'") }] },
        { condition: expr('(count = 0)'), body: [{ kind: 'return', value: expr("'zero'") }] },
      ],
      otherwise: [{ kind: 'return', value: expr("'positive value'") }],
    });
  });

  it('reads a simple CASE ending with END and a searched CASE ending with END CASE (sql-reference/snowflake-scripting/case)', () => {
    const [simple] = body(`BEGIN
    CASE (v)
      WHEN 'first choice' THEN
        RETURN 'one';
      WHEN 'second choice' THEN
        RETURN 'two';
      ELSE
        RETURN 'unexpected choice';
    END;
  END;`);
    expect(shape(simple)).toEqual({
      kind: 'case',
      subject: expr('(v)'),
      branches: [
        { when: expr("'first choice'"), body: [{ kind: 'return', value: expr("'one'") }] },
        { when: expr("'second choice'"), body: [{ kind: 'return', value: expr("'two'") }] },
      ],
      otherwise: [{ kind: 'return', value: expr("'unexpected choice'") }],
    });
    const [searched] = body(`BEGIN
        CASE
            WHEN v = 'first choice' THEN
                RETURN 'one';
            WHEN CASE WHEN v IS NULL THEN TRUE ELSE FALSE END THEN
                NULL;
       END CASE;
    END;`);
    expect(shape(searched)).toEqual({
      kind: 'case',
      subject: null,
      branches: [
        { when: expr("v = 'first choice'"), body: [{ kind: 'return', value: expr("'one'") }] },
        { when: expr('CASE WHEN v IS NULL THEN TRUE ELSE FALSE END'), body: [{ kind: 'null' }] },
      ],
      otherwise: null,
    });
  });
});

describe('parseBlock: loops', () => {
  it('reads counter FOR loops, REVERSE, and DO … END FOR / LOOP … END LOOP (sql-reference/snowflake-scripting/for)', () => {
    expect(shape(body(`BEGIN
        FOR i IN REVERSE 1 TO iteration_limit DO
            values_of_i := values_of_i || ' ' || i::varchar;
        END FOR;
        FOR j IN 1 TO 3 LOOP
            NULL;
        END LOOP;
    END;`))).toEqual([
      {
        kind: 'forRange', variable: 'I', reverse: true, from: expr('1'), to: expr('iteration_limit'), label: null,
        body: [{ kind: 'assign', name: 'VALUES_OF_I', value: expr("values_of_i || ' ' || i::varchar"), async: false }],
      },
      { kind: 'forRange', variable: 'J', reverse: false, from: expr('1'), to: expr('3'), label: null, body: [{ kind: 'null' }] },
    ]);
  });

  it('reads a cursor FOR loop, OPEN and CLOSE (sql-reference/snowflake-scripting/for)', () => {
    const block = parseBlock(`DECLARE
    total_price FLOAT;
    c1 CURSOR FOR SELECT price FROM invoices;
BEGIN
    total_price := 0.0;
    OPEN c1;
    FOR rec IN c1 DO
        total_price := total_price + rec.price;
    END FOR;
    CLOSE c1;
    RETURN total_price;
END;`);
    expect(shape(block.declarations[1])).toEqual({ kind: 'cursor', name: 'C1', query: expr('SELECT price FROM invoices') });
    expect(shape(block.body.slice(1, 4))).toEqual([
      { kind: 'open', cursor: 'C1', using: [] },
      { kind: 'forCursor', variable: 'REC', source: 'C1', label: null, body: [{ kind: 'assign', name: 'TOTAL_PRICE', value: expr('total_price + rec.price'), async: false }] },
      { kind: 'close', cursor: 'C1' },
    ]);
  });

  it('reads WHILE with labels and BREAK to a label (sql-reference/snowflake-scripting/break)', () => {
    const [, , outer] = body(`BEGIN
  i := 1;
  j := 1;
  WHILE (i <= 4) DO
    WHILE (j <= 4) DO
      -- Exit when j is 3, even if i is still 1.
      IF (j = 3) THEN
        BREAK outer_loop;
      END IF;
      j := j + 1;
    END WHILE inner_loop;
    i := i + 1;
  END WHILE outer_loop;
  RETURN i;
END;`);
    expect(outer).toMatchObject({ kind: 'while', condition: { sql: '(i <= 4)' }, label: 'OUTER_LOOP' });
    const inner = (outer as Extract<Statement, { kind: 'while' }>).body[0];
    expect(inner).toMatchObject({ kind: 'while', label: 'INNER_LOOP' });
    expect(shape((inner as Extract<Statement, { kind: 'while' }>).body[0])).toEqual({
      kind: 'if', branches: [{ condition: expr('(j = 3)'), body: [{ kind: 'break', label: 'OUTER_LOOP' }] }], otherwise: null,
    });
  });

  it('reads REPEAT … UNTIL, LOOP, EXIT, CONTINUE and ITERATE (sql-reference/snowflake-scripting/repeat, loop, continue)', () => {
    expect(shape(body(`BEGIN
    REPEAT
        power_of_2 := power_of_2 * 2;
        counter := counter + 1;
    UNTIL (counter > 8)
    END REPEAT;
    LOOP
        IF (counter > 3) THEN EXIT; END IF;
        CONTINUE;
        ITERATE my_loop;
        BREAK;
    END LOOP my_loop;
END;`))).toEqual([
      {
        kind: 'repeat', until: expr('(counter > 8)'), label: null,
        body: [
          { kind: 'assign', name: 'POWER_OF_2', value: expr('power_of_2 * 2'), async: false },
          { kind: 'assign', name: 'COUNTER', value: expr('counter + 1'), async: false },
        ],
      },
      {
        kind: 'loop', label: 'MY_LOOP',
        body: [
          { kind: 'if', branches: [{ condition: expr('(counter > 3)'), body: [{ kind: 'break', label: null }] }], otherwise: null },
          { kind: 'continue', label: null },
          { kind: 'continue', label: 'MY_LOOP' },
          { kind: 'break', label: null },
        ],
      },
    ]);
  });
});

describe('parseBlock: cursors and RESULTSETs', () => {
  it('reads OPEN … USING and FETCH … INTO (sql-reference/snowflake-scripting/open, fetch)', () => {
    const block = parseBlock(`DECLARE
    price_to_search_for FLOAT;
    c2 CURSOR FOR SELECT COUNT(*) FROM invoices WHERE price = ?;
BEGIN
    price_to_search_for := 11.11;
    OPEN c2 USING (price_to_search_for, ROUND(x, 2));
    FETCH c2 INTO price_count, other;
END;`);
    expect(shape(block.body.slice(1))).toEqual([
      { kind: 'open', cursor: 'C2', using: [expr('price_to_search_for'), expr('ROUND(x, 2)')] },
      { kind: 'fetch', cursor: 'C2', into: ['PRICE_COUNT', 'OTHER'] },
    ]);
  });

  it('reads RESULTSET declarations, LET … RESULTSET, a cursor over a RESULTSET, RETURN TABLE (developer-guide/snowflake-scripting/resultsets)', () => {
    const block = parseBlock(`DECLARE
  res RESULTSET DEFAULT (SELECT col1 FROM mytable ORDER BY col1);
  later RESULTSET;
  c1 CURSOR FOR res;
BEGIN
  LET res2 RESULTSET := (SELECT (1) AS a);
  LET c2 CURSOR FOR res2;
  LET c3 CURSOR FOR SELECT price FROM invoices;
  later := (EXECUTE IMMEDIATE :select_statement);
  RETURN TABLE(res);
END;`);
    expect(shape(block.declarations)).toEqual([
      { kind: 'resultset', name: 'RES', source: { query: expr('SELECT col1 FROM mytable ORDER BY col1'), async: false } },
      { kind: 'resultset', name: 'LATER', source: null },
      { kind: 'cursor', name: 'C1', query: { resultset: 'RES' } },
    ]);
    expect(shape(block.body)).toEqual([
      { kind: 'letResultset', name: 'RES2', source: { query: expr('SELECT (1) AS a'), async: false } },
      { kind: 'letCursor', name: 'C2', query: { resultset: 'RES2' } },
      { kind: 'letCursor', name: 'C3', query: expr('SELECT price FROM invoices') },
      { kind: 'assign', name: 'LATER', value: expr('(EXECUTE IMMEDIATE :select_statement)'), async: false },
      { kind: 'return', value: { table: 'RES' } },
    ]);
  });

  it('reads RETURN TABLE(RESULTSET_FROM_CURSOR(c)) and a bare RETURN (developer-guide/snowflake-scripting/return)', () => {
    expect(shape(body('BEGIN RETURN TABLE(RESULTSET_FROM_CURSOR(c1)); RETURN; END'))).toEqual([
      { kind: 'return', value: { cursor: 'C1' } },
      { kind: 'return', value: null },
    ]);
  });
});

describe('parseBlock: asynchronous child jobs', () => {
  it('reads ASYNC in LET, in an assignment and standalone, AWAIT, AWAIT ALL and CANCEL (developer-guide/snowflake-scripting/asynchronous-child-jobs)', () => {
    expect(shape(body(`BEGIN
   CREATE TABLE IF NOT EXISTS orders_q3_2024 (
      order_id INT,
      order_amount NUMBER(12,2));
    LET insert_1 RESULTSET := ASYNC (INSERT INTO orders_q3_2024 SELECT :arg1, :arg2);
    insert_2 := ASYNC (INSERT INTO orders_q3_2024 SELECT :arg3, :arg4);
    ASYNC (INSERT INTO test_child_job_queries1(col1) VALUES(1));
    AWAIT insert_1;
    CANCEL insert_2;
    AWAIT ALL;
  END;`))).toEqual([
      { kind: 'sql', sql: expr('CREATE TABLE IF NOT EXISTS orders_q3_2024 (\n      order_id INT,\n      order_amount NUMBER(12,2))'), into: null },
      { kind: 'letResultset', name: 'INSERT_1', source: { query: expr('INSERT INTO orders_q3_2024 SELECT :arg1, :arg2'), async: true } },
      { kind: 'assign', name: 'INSERT_2', value: expr('INSERT INTO orders_q3_2024 SELECT :arg3, :arg4'), async: true },
      { kind: 'async', sql: expr('INSERT INTO test_child_job_queries1(col1) VALUES(1)') },
      { kind: 'await', resultset: 'INSERT_1' },
      { kind: 'cancel', resultset: 'INSERT_2' },
      { kind: 'await', resultset: null },
    ]);
  });
});

describe('parseBlock: exceptions and nested blocks', () => {
  it('reads exception declarations, RAISE, and handlers with OR, CONTINUE and OTHER (sql-reference/snowflake-scripting/exception)', () => {
    const block = parseBlock(`DECLARE
  result VARCHAR;
  exception_1 EXCEPTION (-20001, 'I caught the expected exception.');
  exception_2 EXCEPTION (-20002, 'Not the expected exception!');
  plain EXCEPTION;
BEGIN
  IF (TRUE) THEN
    RAISE exception_1;
  END IF;
  RETURN result;
EXCEPTION
  WHEN exception_2 OR plain THEN
    RETURN SQLERRM;
  WHEN exception_1 CONTINUE THEN
    RAISE;
  WHEN OTHER EXIT THEN
    INSERT INTO error_log_table SELECT 'continue_type', :SQLERRM;
END;`);
    expect(shape(block.declarations.slice(1))).toEqual([
      { kind: 'exception', name: 'EXCEPTION_1', code: -20001, message: 'I caught the expected exception.' },
      { kind: 'exception', name: 'EXCEPTION_2', code: -20002, message: 'Not the expected exception!' },
      { kind: 'exception', name: 'PLAIN', code: null, message: null },
    ]);
    expect(shape(block.body[0])).toMatchObject({ branches: [{ body: [{ kind: 'raise', exception: 'EXCEPTION_1' }] }] });
    expect(shape(block.handlers)).toEqual([
      { exceptions: ['EXCEPTION_2', 'PLAIN'], mode: 'EXIT', body: [{ kind: 'return', value: expr('SQLERRM') }] },
      { exceptions: ['EXCEPTION_1'], mode: 'CONTINUE', body: [{ kind: 'raise', exception: null }] },
      { exceptions: 'OTHER', mode: 'EXIT', body: [{ kind: 'sql', sql: expr("INSERT INTO error_log_table SELECT 'continue_type', :SQLERRM"), into: null }] },
    ]);
  });

  it('reads nested blocks with their own DECLARE and EXCEPTION (developer-guide/snowflake-scripting/exceptions)', () => {
    const block = parseBlock(`DECLARE
  e1 EXCEPTION (-20001, 'Outer exception e1');
BEGIN
  BEGIN
    NULL;
  END inner_block;
  DECLARE
    e1 EXCEPTION (-20101, 'Inner exception e1');
  BEGIN
    RAISE e1;
  EXCEPTION
    WHEN e1 THEN
      RETURN 'Inner exception raised.';
  END;
  RETURN 'x';
END;`);
    const [first, second] = block.body as Extract<Statement, { kind: 'block' }>[];
    expect(first.block).toMatchObject({ declarations: [], handlers: null, label: 'INNER_BLOCK', body: [{ kind: 'null' }] });
    expect(shape(second.block)).toEqual({
      declarations: [{ kind: 'exception', name: 'E1', code: -20101, message: 'Inner exception e1' }],
      body: [{ kind: 'raise', exception: 'E1' }],
      handlers: [{ exceptions: ['E1'], mode: 'EXIT', body: [{ kind: 'return', value: expr("'Inner exception raised.'") }] }],
      label: null,
    });
    expect(second.at).toEqual({ line: 7, column: 3 });
  });

  it('parses a procedure body as given inside $$ (surrounding whitespace, no final ;)', () => {
    expect(shape(body('\n    BEGIN\n        RETURN 1;\n    END\n'))).toEqual([{ kind: 'return', value: expr('1') }]);
  });
});

describe('parseBlock: embedded SQL, whatever it hides', () => {
  it('gives back each SQL statement of a block as written', () => {
    const scriptWords = new Set(['BEGIN', 'DECLARE', 'END', 'CASE', 'IF', 'FOR', 'WHILE', 'REPEAT', 'LOOP', 'LET', 'RETURN', 'OPEN', 'FETCH', 'CLOSE', 'RAISE', 'AWAIT', 'CANCEL', 'NULL', 'ASYNC', 'BREAK', 'EXIT', 'CONTINUE', 'ITERATE', 'ELSE', 'ELSEIF', 'WHEN', 'UNTIL', 'EXCEPTION', 'SELECT', 'WITH']);
    const statement = statementText.filter((text) => !lex(text).some((token) => token.kind === 'identifier' && scriptWords.has(token.text.toUpperCase())));
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 4 }), (statements) => {
        const parsed = parseBlock(`BEGIN\n${statements.map((text) => `  ${text};\n`).join('')}END;`).body;
        expect(parsed.map((node) => (node.kind === 'sql' ? node.sql.sql : node.kind))).toEqual(statements);
      }),
      { numRuns: 200 },
    );
  });
});
