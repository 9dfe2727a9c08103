/**
 * Function calls DuckDB would run and Snowflake does not know. DuckDB has hundreds of functions
 * Snowflake lacks (`list_value`, `strftime`, `current_setting` …); a statement calling one
 * must fail as it fails on Snowflake, `002140` "Unknown function", not run. And where Snowflake
 * has a function of that name that the local warehouse does not implement with Snowflake's
 * semantics, the answer is `000002` "Unsupported feature", never DuckDB's namesake.
 * The engine's function names come from DuckDB itself (engine/database.ts); the Snowflake
 * functions the warehouse implements are its macros (dialect/functions) and the names below.
 * https://docs.snowflake.com/en/sql-reference/functions-all
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { significantTokens } from './tokens';

/**
 * Snowflake functions DuckDB has under the same name and, for the arguments Snowflake takes,
 * the same results (the SQL corpus holds them to it).
 */
const SAME_IN_BOTH = new Set(
  (
    'ABS ACOS ACOSH ASIN ASINH ATAN ATAN2 ATANH AVG BIT_LENGTH CBRT CEIL CEILING CHR CONCAT CONCAT_WS CORR COS COSH COT ' +
    'COUNT COUNT_IF COVAR_POP COVAR_SAMP CUME_DIST CURRENT_DATE DEGREES DENSE_RANK EXP FIRST_VALUE FLOOR LAG LAST_VALUE ' +
    'LEAD LEFT LENGTH LEN LOWER LTRIM MAX MIN NTH_VALUE NTILE NULLIF PERCENT_RANK PI POSITION POW POWER RADIANS RANK ' +
    'REGR_AVGX REGR_AVGY REGR_COUNT REGR_INTERCEPT REGR_R2 REGR_SLOPE REGR_SXX REGR_SXY REGR_SYY REPEAT REPLACE REVERSE ' +
    'RIGHT ROW_NUMBER RTRIM SIGN SIN SINH SQRT STDDEV STDDEV_POP STDDEV_SAMP SUBSTR SUBSTRING SUM TAN TANH TRIM UPPER ' +
    'VAR_POP VAR_SAMP VARIANCE ASCII MD5 SHA1 TRANSLATE UNICODE GROUPING COALESCE'
  ).split(' '),
);

/** Words that open a parenthesis without calling a function, or name what is being created or read. */
const NOT_A_CALL_AFTER = ['AS', 'INTO', 'TABLE', 'VIEW', 'EXISTS', 'JOIN', 'FROM', 'UPDATE', 'WITH', 'TASK', 'SERVICE', 'SAMPLE', 'TABLESAMPLE'];

export interface FunctionNames {
  /** DuckDB's own functions, upper-case. */
  engine: ReadonlySet<string>;
  /** The Snowflake functions the warehouse defines as macros, upper-case. */
  defined: ReadonlySet<string>;
}

function isCall(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.kind !== 'identifier' || !isSymbol(tokens[i + 1], '(')) return false;
  const before = tokens[i - 1];
  return !(isSymbol(before, '.') || isSymbol(before, '::') || NOT_A_CALL_AFTER.some((word) => isWord(before, word)));
}

/**
 * Throws Snowflake's error for the first call of a function DuckDB has and the warehouse does
 * not define: `000002` when Snowflake has a function of that name (the warehouse does not
 * support it), else `002140` "Unknown function".
 */
export function refuseEngineOnlyFunctions(sql: string, names: FunctionNames, snowflakeNames: ReadonlySet<string>): void {
  const tokens = significantTokens(sql);
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isCall(tokens, i)) continue;
    const name = tokens[i].text.toUpperCase();
    if (names.defined.has(name) || SAME_IN_BOTH.has(name) || !names.engine.has(name)) continue;
    throw new SnowflakeQueryError(
      snowflakeNames.has(name) ? snowflakeErrors.unsupported(`function ${name}`) : snowflakeErrors.unknownFunction(name),
    );
  }
}
