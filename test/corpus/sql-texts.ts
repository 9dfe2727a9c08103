/**
 * SQL the local warehouse must refuse with a Snowflake-shaped error naming the token, line and
 * position, or the statement it does not support: broken, enormous, unsupported, and with names
 * Snowflake does not take. Sent through snowflake-sdk by warehouse.test.ts.
 */
import { MB, type BadInput } from './bad-input';

export interface SqlInput {
  sql: string;
  /** Statement parameters, e.g. MULTI_STATEMENT_COUNT. */
  parameters?: Record<string, unknown>;
}

const sql = (name: string, text: string, expect: RegExp, parameters?: Record<string, unknown>): BadInput<SqlInput> => ({
  name,
  input: { sql: text, parameters },
  expect,
});

const TEN_MB = 'x'.repeat(10 * MB);

export const brokenSql: BadInput<SqlInput>[] = [
  sql('misspelt keyword', 'SELEC 1', /^SQL compilation error:\nsyntax error line 1 at position 0 unexpected 'SELEC'\.$/),
  sql('unclosed parenthesis', 'SELECT (1', /syntax error line 1 at position 9 unexpected '<EOF>'/),
  sql('unclosed string', "SELECT 'abc", /syntax error line 1 at position 7 unexpected ''abc'/),
  sql('unclosed quoted identifier', 'SELECT "abc', /syntax error line 1 at position 7 unexpected '"abc'/),
  sql('unclosed $$ block', 'SELECT $$abc', /syntax error line 1 at position 7 unexpected '\$\$abc'/),
  sql('FROM without a table', 'SELECT 1\nFROM', /syntax error line 2 at position 4 unexpected '<EOF>'/),
  sql('only an open comment', '/* never closed', /Empty SQL statement/),
  sql('only semicolons', ';;;', /Empty SQL statement/),
  sql('two statements without MULTI_STATEMENT_COUNT', 'SELECT 1; SELECT 2', /Actual statement count 2 did not match the desired statement count 1/),
  sql('a NUL character', 'SELECT 1 AS "a\u0000b"', /syntax error line 1 at position 14 unexpected 'NUL \(U\+0000\)'.\nSQL text cannot hold NUL characters/),
  sql('MULTI_STATEMENT_COUNT not a number', 'SELECT 1', /MULTI_STATEMENT_COUNT must be a whole number ≥ 0 .*got "abc"/, { MULTI_STATEMENT_COUNT: 'abc' }),
  sql('MULTI_STATEMENT_COUNT negative', 'SELECT 1', /MULTI_STATEMENT_COUNT must be a whole number ≥ 0 .*got -1/, { MULTI_STATEMENT_COUNT: -1 }),
  sql(
    'third of three statements broken',
    'SELECT 1;\nSELECT 2;\nSELEC 3',
    /failed on statement "SELEC 3" \(at line 3, position 0\)\.\nSQL compilation error:\nsyntax error line 1 at position 0 unexpected 'SELEC'/,
    { MULTI_STATEMENT_COUNT: 0 },
  ),
];

export const enormousSql: BadInput<SqlInput>[] = [
  sql('10 MB statement ending early', `SELECT '${TEN_MB}' FROM`, /syntax error line 1 at position 10485774 unexpected '<EOF>'/),
  sql('10 MB unclosed string', `SELECT 1, '${TEN_MB}`, /syntax error line 1 at position 10 unexpected/),
  sql('10 MB of 100 statements, no count', Array.from({ length: 100 }, () => `SELECT '${TEN_MB.slice(0, MB / 10)}'`).join(';\n'), /Actual statement count 100 did not match the desired statement count 1/),
  sql(
    '10 MB of 100 statements, the 3rd broken',
    Array.from({ length: 100 }, (_, i) => (i === 2 ? 'SELEC 3' : `SELECT '${TEN_MB.slice(0, MB / 10)}'`)).join(';\n'),
    /failed on statement "SELEC 3" \(at line 3, position 0\)/,
    { MULTI_STATEMENT_COUNT: 0 },
  ),
  sql('200 KB of tokens, misspelt', `SELEC ${'x, '.repeat(200_000 / 3)}1`, /syntax error line 1 at position 0 unexpected 'SELEC'/),
];

/** Statements Snowflake has and the local warehouse does not (docs/local-warehouse.md, "Not supported"). */
export const unsupportedSql: BadInput<SqlInput>[] = [
  ['CREATE STREAM s ON TABLE KEPT', 'CREATE STREAM'],
  ['CREATE OR REPLACE PIPE p AS COPY INTO KEPT FROM @st', 'CREATE PIPE'],
  ['CREATE STAGE st', 'CREATE STAGE'],
  ["CREATE FILE FORMAT ff TYPE = 'CSV'", 'CREATE FILE FORMAT'],
  ['PUT file:///tmp/data.csv @st', 'PUT'],
  ['COPY INTO KEPT FROM @st', 'COPY INTO'],
  ['LIST @st', 'LIST'],
  ['GRANT SELECT ON TABLE KEPT TO ROLE analyst', 'GRANT'],
  ['REVOKE SELECT ON TABLE KEPT FROM ROLE analyst', 'REVOKE'],
  ['CREATE ROLE analyst', 'CREATE ROLE'],
  ['SHOW GRANTS', 'SHOW GRANTS'],
  ['CREATE OR REPLACE PROCEDURE p() RETURNS INT LANGUAGE JAVASCRIPT AS $$ return 1 $$', 'CREATE PROCEDURE … LANGUAGE JAVASCRIPT'],
  ['CREATE FUNCTION f() RETURNS INT AS $$ 1 $$', 'CREATE FUNCTION'],
  ["CREATE DYNAMIC TABLE d TARGET_LAG = '1 minute' WAREHOUSE = w AS SELECT 1", 'CREATE DYNAMIC TABLE'],
  ["CREATE ALERT a WAREHOUSE = w SCHEDULE = '1 minute' IF (EXISTS (SELECT 1)) THEN SELECT 1", 'CREATE ALERT'],
  ['UNDROP TABLE KEPT', 'UNDROP'],
  ['CREATE OR ALTER TASK T AS SELECT 1', 'CREATE OR ALTER TASK'],
  ['CREATE SERVICE s IN COMPUTE POOL CORPUS_POOL FROM SPECIFICATION $$spec: {}$$', 'CREATE SERVICE'],
].map(([text, statement]) => sql(statement, text, new RegExp(`^Unsupported feature '${statement}' in the local warehouse\\.$`)));

const LONG = 'N'.repeat(300);

/** Identifiers Snowflake does not take, in plain SQL (names of tasks and services: names.ts). */
export const badIdentifiersInSql: BadInput<SqlInput>[] = [
  sql('300-character table name', `CREATE TABLE ${LONG} (A INT)`, /The name 'N{20}…' is 300 characters long; Snowflake names are at most 255\. \(line 1 at position 13\)/),
  sql('300-character quoted column name', `SELECT 1 AS "${'é'.repeat(300)}"`, /The name 'é{20}…' is 300 characters long; .* \(line 1 at position 12\)/),
  sql('empty quoted table name', 'CREATE TABLE "" (A INT)', /syntax error line 1 at position 13 unexpected '""'/),
  sql('unquoted name with a semicolon', 'CREATE TABLE a;b (A INT)', /Actual statement count 2 did not match the desired statement count 1/),
  sql('quoted name never closed', 'CREATE TABLE "a (A INT)', /syntax error line 1 at position 13 unexpected '"a \(A INT\)'/),
];
