/**
 * SQL that DuckDB runs and Snowflake does not know: DuckDB's own statements (PRAGMA, ATTACH,
 * INSTALL, FROM-first queries …), table functions called without Snowflake's `TABLE(…)`
 * (`FROM read_csv(…)`, `FROM duckdb_settings()`) and files named as tables (`FROM 'x.csv'`).
 * Snowflake answers each with a syntax error at the token it does not expect (and a cast to a
 * type it lacks, `1::HUGEINT`, with "Unsupported data type"); so does the local
 * warehouse, before DuckDB could run it, so a client can neither read the engine's internals nor
 * touch the host's files through it.
 * https://docs.snowflake.com/en/sql-reference/functions-table (calling a table function)
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { significantTokens } from './tokens';

/** First words of DuckDB statements that no Snowflake statement starts with. */
const ENGINE_STATEMENTS = new Set([
  'PRAGMA',
  'ATTACH',
  'DETACH',
  'INSTALL',
  'LOAD',
  'FORCE',
  'CHECKPOINT',
  'VACUUM',
  'SUMMARIZE',
  'EXPORT',
  'IMPORT',
  'RESET',
  'FROM',
  'PIVOT',
  'UNPIVOT',
  'PIVOT_WIDER',
  'PIVOT_LONGER',
  'PREPARE',
  'DEALLOCATE',
  'ANALYZE',
]);

/** DuckDB's type names that Snowflake has no type of, refused where a cast names them. */
const ENGINE_TYPES = new Set([
  'HUGEINT', 'UHUGEINT', 'UBIGINT', 'UINTEGER', 'USMALLINT', 'UTINYINT', 'INT1', 'INT2', 'INT4', 'INT8', 'INT16', 'INT32', 'INT64', 'INT128',
  'BLOB', 'BYTEA', 'BPCHAR', 'LIST', 'STRUCT', 'UNION', 'ENUM', 'BIT', 'BITSTRING', 'UUID', 'JSON', 'VARINT', 'BIGNUM', 'INTERVAL', 'SHORT', 'LONG', 'SIGNED', 'OID', 'GUID', 'ROW',
]);

/** Words after FROM, JOIN or a comma in a FROM list that may open a parenthesis in Snowflake. */
const TABLE_OPENERS = ['TABLE', 'LATERAL', 'VALUES', 'FLATTEN', 'IDENTIFIER'];

function syntaxErrorAt(token: Token): SnowflakeQueryError {
  return new SnowflakeQueryError(snowflakeErrors.syntax(token.line, token.column - 1, token.text));
}

/** Words that end a FROM clause's list of tables. */
const FROM_ENDS = ['WHERE', 'GROUP', 'HAVING', 'QUALIFY', 'ORDER', 'LIMIT', 'UNION', 'EXCEPT', 'INTERSECT', 'MINUS', 'WINDOW', 'ON', 'USING', 'SELECT', 'SET'];

/**
 * Indexes of the tokens that start a table reference: right after FROM or JOIN, or after a
 * comma in a FROM list, at the top level or inside a subquery; not the FROM of
 * `EXTRACT(part FROM d)` or `TRIM(c FROM s)`.
 */
function tableReferenceStarts(tokens: Token[]): number[] {
  const starts: number[] = [];
  // One entry per open parenthesis, and one for the top level: whether it holds a query, and
  // whether the tokens now being read are in its FROM list.
  const levels = [{ query: true, inFrom: false }];
  tokens.forEach((token, i) => {
    const level = levels[levels.length - 1];
    if (isSymbol(token, '(')) levels.push({ query: isWord(tokens[i + 1], 'SELECT') || isWord(tokens[i + 1], 'WITH'), inFrom: false });
    else if (isSymbol(token, ')')) levels.length > 1 && levels.pop();
    else if (!level.query) return;
    else if (isWord(token, 'FROM') || isWord(token, 'JOIN')) {
      level.inFrom = true;
      starts.push(i + 1);
    } else if (level.inFrom && isSymbol(token, ',')) starts.push(i + 1);
    else if (FROM_ENDS.some((word) => isWord(token, word))) level.inFrom = false;
  });
  return starts.filter((i) => i < tokens.length);
}

/** The first DuckDB-only type named after `::` or in CAST( … AS type ), or null. */
function engineTypeCast(tokens: Token[]): Token | null {
  const castAs = new Set<number>();
  const open: boolean[] = [];
  tokens.forEach((token, i) => {
    if (isSymbol(token, '(')) open.push(isWord(tokens[i - 1], 'CAST') || isWord(tokens[i - 1], 'TRY_CAST'));
    else if (isSymbol(token, ')')) open.pop();
    else if (open[open.length - 1] && isWord(token, 'AS')) castAs.add(i + 1);
  });
  return (
    tokens.find((token, i) => token.kind === 'identifier' && ENGINE_TYPES.has(token.text.toUpperCase()) && (isSymbol(tokens[i - 1], '::') || castAs.has(i))) ?? null
  );
}

/** Throws Snowflake's syntax error for DuckDB-only SQL; returns quietly for anything else. */
export function refuseEngineOnlySql(sql: string): void {
  const tokens = significantTokens(sql);
  const type = engineTypeCast(tokens);
  if (type) throw new SnowflakeQueryError(snowflakeErrors.unsupportedType(type.text.toUpperCase()));
  const first = tokens[0];
  if (first?.kind === 'identifier' && ENGINE_STATEMENTS.has(first.text.toUpperCase())) throw syntaxErrorAt(first);
  // Snowflake's COPY is COPY INTO (refused as unsupported); DuckDB's COPY t TO 'file' writes files.
  if (isWord(first, 'COPY') && !isWord(tokens[1], 'INTO')) throw syntaxErrorAt(tokens[1] ?? first);
  for (const i of tableReferenceStarts(tokens)) {
    const token = tokens[i];
    // A file or a glob named as a table.
    if (token.kind === 'string' || token.kind === 'dollar_string') throw syntaxErrorAt(token);
    // name(…) or schema.name(…): a table function without TABLE(…).
    let end = i;
    while (isSymbol(tokens[end + 1], '.') && tokens[end + 2]?.kind === 'identifier') end += 2;
    const named = token.kind === 'identifier' && !TABLE_OPENERS.some((word) => isWord(token, word));
    if (named && isSymbol(tokens[end + 1], '(')) throw syntaxErrorAt(tokens[end + 1]);
  }
}
