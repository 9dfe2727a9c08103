/**
 * Statements no warehouse should run: misspelt, cut short, wrongly typed, calling what does not
 * exist. The leak test (engine-leak.test.ts) sends each through snowflake-sdk with the corpus
 * and checks that every answer speaks Snowflake, never the engine underneath. Hand-written
 * cases first, then the corpus's own statements cut short and misspelt (a seeded choice, so the
 * list is the same on every run).
 */
import { CORPUS } from './index';

/** Tables the malformed statements read: created before they run. */
export const MALFORMED_SETUP = [
  'CREATE OR REPLACE TABLE M (ID INT, NAME VARCHAR(10), AMOUNT NUMBER(10,2), CREATED DATE, V VARIANT)',
  "INSERT INTO M SELECT 1, 'a', 1.5, '2024-01-01', PARSE_JSON('{\"k\": [1, 2]}')",
  'CREATE OR REPLACE TABLE N (ID INT PRIMARY KEY, M_ID INT NOT NULL)',
];

const HAND_WRITTEN = [
  // Names that do not exist.
  'SELECT NO_SUCH_FUNCTION(1)',
  'SELECT * FROM NO_SUCH_TABLE',
  'SELECT NO_SUCH_COLUMN FROM M',
  'SELECT M.NO_SUCH_COLUMN FROM M',
  'SELECT * FROM NO_SUCH_DB.PUBLIC.M',
  'SELECT * FROM FLURRY.NO_SUCH_SCHEMA.M',
  'INSERT INTO M (NO_SUCH_COLUMN) VALUES (1)',
  'UPDATE M SET NO_SUCH_COLUMN = 1',
  'DROP TABLE NO_SUCH_TABLE',
  'ALTER TABLE NO_SUCH_TABLE ADD COLUMN X INT',
  'DESCRIBE TABLE NO_SUCH_TABLE',
  'SELECT * FROM TABLE(NO_SUCH_TABLE_FUNCTION())',
  'USE SCHEMA NO_SUCH_SCHEMA',
  'SELECT X.* FROM M',
  // Wrong types and values.
  "SELECT 'abc' + 1",
  "SELECT 'abc'::INT",
  "SELECT 'abc'::DATE",
  "SELECT 'abc'::TIMESTAMP",
  "SELECT 'abc'::BOOLEAN",
  "SELECT '2024-13-45'::DATE",
  'SELECT 1::BOOLEAN + DATE \'2024-01-01\'',
  "SELECT ABS('x')",
  "SELECT UPPER(1, 2)",
  'SELECT LENGTH()',
  'SELECT SUBSTR()',
  "SELECT DATEADD(fortnight, 1, '2024-01-01'::DATE)",
  "SELECT DATEDIFF(day, 'x', 'y')",
  "SELECT TO_NUMBER('12x')",
  "SELECT TO_DATE('not a date')",
  "SELECT TO_TIMESTAMP('never')",
  'SELECT 1/0',
  'SELECT 10 % 0',
  'SELECT 99999999999999999999999999999999999999 * 10',
  'SELECT POWER(10, 400)',
  'SELECT SQRT(-1)',
  'SELECT LN(0)',
  "SELECT PARSE_JSON('{bad json')",
  "SELECT PARSE_JSON('[1, 2')",
  'SELECT V:k[0] + \'x\' FROM M',
  "SELECT ARRAY_SIZE('not an array')",
  "SELECT REGEXP_SUBSTR('abc', '(')",
  "SELECT REGEXP_LIKE('abc', '[')",
  "SELECT REPEAT('x', -1)",
  'SELECT CAST(1 AS NO_SUCH_TYPE)',
  'CREATE TABLE BAD_TYPE (A NO_SUCH_TYPE)',
  'SELECT 1 WHERE 1',
  "SELECT 1 WHERE 'x'",
  'SELECT ID FROM M GROUP BY NAME',
  'SELECT ID, COUNT(*) FROM M',
  'SELECT SUM(NAME) FROM M',
  'SELECT AVG(CREATED) FROM M',
  'SELECT * FROM M WHERE COUNT(*) > 1',
  'SELECT ROW_NUMBER() FROM M',
  'SELECT ID FROM M ORDER BY 5',
  'SELECT ID FROM M GROUP BY 7',
  'SELECT * FROM M UNION SELECT 1',
  'SELECT (SELECT ID, NAME FROM M)',
  'SELECT (SELECT ID FROM M UNION ALL SELECT 2)',
  'INSERT INTO M VALUES (1)',
  "INSERT INTO M VALUES ('x', 'y', 'z', 'w', 'v')",
  "INSERT INTO M (ID, NAME) VALUES (2, 'this name is far too long')",
  'INSERT INTO N VALUES (1, NULL)',
  'INSERT INTO N VALUES (NULL, 1)',
  'UPDATE M SET ID = \'text\'',
  'CREATE TABLE M (A INT)',
  'CREATE TABLE M2 (A INT, A INT)',
  'ALTER TABLE M ADD COLUMN ID INT',
  'ALTER TABLE M DROP COLUMN NO_SUCH_COLUMN',
  'ALTER TABLE M RENAME COLUMN NO_SUCH_COLUMN TO Y',
  'CREATE VIEW V1 AS SELECT NO_SUCH_COLUMN FROM M',
  'SELECT * FROM M JOIN N',
  'SELECT ID FROM M JOIN N ON M.ID = N.ID',
  'SELECT * FROM M, M',
  'WITH C AS (SELECT 1) SELECT * FROM C, C',
  'WITH RECURSIVE R AS (SELECT 1 UNION ALL SELECT * FROM R) SELECT * FROM R LIMIT -1',
  'SELECT * FROM M LIMIT -1',
  "SELECT * FROM M LIMIT 'x'",
  'SELECT * FROM M SAMPLE (200)',
  'SELECT CURRENT_TIMESTAMP(1, 2)',
  'SELECT IFF(1, 2)',
  'SELECT NVL(1)',
  'SELECT DECODE(1)',
  "SELECT SPLIT_PART('a', ',')",
  "SELECT OBJECT_CONSTRUCT('a')",
  'SELECT FLATTEN(1)',
  'SELECT * FROM TABLE(FLATTEN(INPUT => 1))',
  'SELECT $1 FROM M WHERE $9 = 1',
  'SELECT $undefined_variable',
  'SELECT IDENTIFIER(1)',
  "SELECT * FROM IDENTIFIER('NO_SUCH_TABLE')",
  // Unsupported or malformed statement shapes.
  'SET',
  'SET x',
  'SET x =',
  'UNSET',
  'ALTER SESSION SET',
  'ALTER SESSION SET NO_SUCH_PARAMETER = 1',
  'ALTER SESSION SET TIMEZONE = 42',
  "ALTER SESSION SET TIMEZONE = 'Mars/Olympus_Mons'",
  'SHOW NO_SUCH_THINGS',
  'DESCRIBE NO_SUCH_KIND X',
  'EXPLAIN',
  'EXPLAIN SELEC 1',
  'PRAGMA database_list',
  "PRAGMA table_info('M')",
  'SELECT * FROM duckdb_tables()',
  'SELECT * FROM duckdb_settings()',
  'SELECT current_setting(\'threads\')',
  "SELECT * FROM read_csv('/etc/passwd')",
  "SELECT * FROM '/etc/passwd'",
  "COPY M TO '/tmp/x.csv'",
  "ATTACH '/tmp/x.db' AS X",
  'DETACH FLURRY',
  'INSTALL httpfs',
  'LOAD httpfs',
  'CHECKPOINT',
  'VACUUM',
  'SUMMARIZE M',
  'SELECT * FROM M QUALIFY',
  'SELECT * EXCLUDE FROM M',
  'SELECT * FROM M PIVOT',
  'INSERT ALL SELECT 1',
  'TRUNCATE',
  'BEGIN INSERT INTO M VALUES (9)',
  'MERGE INTO M USING N',
  'CREATE TASK',
  'CREATE TASK T1 AS',
  'EXECUTE JOB SERVICE',
  'CALL NO_SUCH_PROCEDURE()',
  'SELECT 1 FROM DUAL WHERE',
  "SELECT 'unterminated",
  'SELECT "unterminated',
  'SELECT ((1)',
  'SELECT 1)',
  'SELECT [1, 2',
  'SELECT {',
  'SELECT 1 +',
  'SELECT * FROM (SELECT 1',
  'SELECT CASE WHEN 1 THEN 2',
  'SELECT CASE END',
  'SELECT 1 AS',
  'SELECT 1 1 1',
  'SELECT FROM',
  'FROM M',
  'FROM M SELECT',
  'M',
  '42',
  "'text'",
  '?',
  'SELECT ?',
  'SELECT :1',
  'SELECT @x',
  'SELECT #',
  'SELECT ::INT',
  'SELECT 1::',
  'SELECT 1 ->',
  'SELECT 1 ->> 2',
  "SELECT 'a' ~ 'b'",
  'SELECT 1 <=> 2',
  'SELECT list_value(1, 2)',
  'SELECT struct_pack(a := 1)',
  "SELECT json_extract('{}', '$.a')",
  "SELECT strftime(CURRENT_DATE, '%Y')",
  "SELECT regexp_matches('a', 'a')",
  "SELECT string_split('a,b', ',')",
  'SELECT hash(1)',
  'SELECT epoch_ms(0)',
  'SELECT range(3)',
  'SELECT * FROM range(3)',
  'SELECT * FROM generate_series(1, 3)',
  'SELECT 1 :: HUGEINT',
  'SELECT 1::UBIGINT',
  'SELECT [1, 2][1]',
  "SELECT {'a': 1}",
  "SELECT MAP {'a': 1}",
  'SELECT 1 LIMIT 1 OFFSET',
];

/** A deterministic generator (mulberry32), so the mutations are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The corpus's statements cut short at a random token boundary, or with one word misspelt. */
function mutations(count: number): string[] {
  const random = seeded(13);
  const statements = Object.values(CORPUS)
    .flat()
    .map((corpusCase) => corpusCase.sql)
    .filter((sql) => sql.length > 20);
  const out: string[] = [];
  for (let i = 0; i < count && statements.length > 0; i += 1) {
    const sql = statements[Math.floor(random() * statements.length)];
    const words = sql.split(' ');
    if (i % 2 === 0) {
      out.push(words.slice(0, Math.max(1, Math.floor(random() * words.length))).join(' '));
    } else {
      const at = Math.floor(random() * words.length);
      const word = words[at];
      words[at] = word.length > 2 ? word.slice(0, -2) + word.at(-1) + word.at(-2) : `${word}x`;
      out.push(words.join(' '));
    }
  }
  return out;
}

export const MALFORMED: readonly string[] = [...HAND_WRITTEN, ...mutations(Math.max(0, 220 - HAND_WRITTEN.length))];
