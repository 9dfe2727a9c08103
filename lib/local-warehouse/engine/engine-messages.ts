/**
 * DuckDB errors that `fromDuckDBError` (snowflake-errors.ts) does not map one to one, answered
 * with the Snowflake error for the same mistake. DuckDB's own text never passes through: what
 * matches no rule becomes Snowflake's `000002` "Unsupported feature" naming the part of the
 * statement DuckDB stopped at, or a generic execution error, so a client never reads the
 * engine's words (engine-words.ts).
 */
import { engineWordIn } from './engine-words';
import type { SnowflakeError } from './types';

const COMPILATION = 'SQL compilation error:';

/** Where DuckDB says the error is, in the user's statement. */
export interface ErrorSite {
  line: number;
  position: number;
  /** The statement's text from the position on, for naming what DuckDB stopped at. */
  rest: string;
  /** The statement as the user wrote it. */
  statement: string;
}

/** DuckDB type names as Snowflake names them. */
const TYPE_NAMES: readonly [RegExp, string][] = [
  [/^(?:INTEGER_LITERAL|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|DECIMAL(?:\(\d+,\s*\d+\))?|BIGNUM)$/, 'NUMBER'],
  [/^(?:FLOAT|DOUBLE)$/, 'FLOAT'],
  [/^(?:STRING_LITERAL|VARCHAR)$/, 'VARCHAR'],
  [/^BOOLEAN$/, 'BOOLEAN'],
  [/^DATE$/, 'DATE'],
  [/^TIME(?: WITH TIME ZONE)?$/, 'TIME'],
  [/^TIMESTAMP(?:_S|_MS|_NS)?$/, 'TIMESTAMP_NTZ'],
  [/^TIMESTAMP WITH TIME ZONE$/, 'TIMESTAMP_LTZ'],
  [/^BLOB$/, 'BINARY'],
  [/^(?:JSON|VARIANT|UNION.*)$/, 'VARIANT'],
  [/(?:\[\]|^LIST.*)$/, 'ARRAY'],
  [/^(?:STRUCT|MAP).*$/, 'OBJECT'],
  [/^INTERVAL$/, 'INTERVAL'],
];

export function snowflakeTypeName(duckdbType: string): string {
  const type = duckdbType.trim().toUpperCase();
  return TYPE_NAMES.find(([pattern]) => pattern.test(type))?.[1] ?? 'VARIANT';
}

/**
 * The words of the statement DuckDB stopped at, at most 40 characters: what a message may name.
 * When DuckDB stopped inside text a rewrite put there, the statement's first words instead.
 */
function near(site: ErrorSite): string {
  const excerpt = (text: string) => {
    const words = text.trim().split(/\s+/).slice(0, 4).join(' ');
    return words.length > 40 ? `${words.slice(0, 40)}…` : words || '<EOF>';
  };
  const here = excerpt(site.rest);
  return engineWordIn(here) || !site.statement.includes(here.replace(/…$/, '')) ? excerpt(site.statement) : here;
}

const at = (site: ErrorSite) => `${COMPILATION} error line ${site.line} at position ${site.position}\n`;

/** Whether `statement` calls `name` itself (it is not a name a dialect rewrite brought in). */
export function namesCall(statement: string, name: string): boolean {
  const escaped = name.replace(/[^A-Za-z0-9_]/g, (ch) => `\\${ch}`);
  return new RegExp(`(^|[^A-Za-z0-9_$])${escaped}\\s*\\(`, 'i').test(statement);
}

/** A function called with the wrong number or types of arguments, as Snowflake reports it. */
function badArguments(name: string, given: string[], candidates: string, site: ErrorSite): SnowflakeError {
  const operator = !/^[\w$]+$/.test(name);
  const shown = operator || namesCall(site.statement, name) ? name.toUpperCase() : null;
  const arities = [...candidates.matchAll(/^\s*[\w$]+\(([^)]*)\)/gm)].map((m) => (m[1].trim() === '' ? 0 : m[1].split(',').length));
  if (arities.length > 0 && shown && !operator && !arities.includes(given.length)) {
    const expected = arities.reduce((best, n) => (Math.abs(n - given.length) < Math.abs(best - given.length) ? n : best));
    const few = given.length < expected;
    return {
      code: few ? '000938' : '000939',
      sqlState: '42601',
      message: `${at(site)}${few ? 'not enough' : 'too many'} arguments for function [${shown}], expected ${expected}, got ${given.length}`,
    };
  }
  const types = given.map(snowflakeTypeName).join(', ');
  return {
    code: '001044',
    sqlState: '42P13',
    message: `${at(site)}Invalid argument types for function '${shown ?? near(site)}': (${types})`,
  };
}

type Rule = (message: string, site: ErrorSite) => SnowflakeError | null;

const RULES: readonly Rule[] = [
  (message, site) =>
    /SELECT clause without selection list/.test(message)
      ? { code: '001003', sqlState: '42000', message: `${COMPILATION}\nsyntax error line ${site.line} at position ${site.position + site.rest.trimEnd().length} unexpected '<EOF>'.` }
      : null,
  (message, site) => {
    const call =
      /No function matches the given name and argument types '([^\s(]+)\(([^)]*)\)'/.exec(message) ??
      /Could not choose a best candidate function for the function call "([^\s(]+)\(([^)]*)\)"/.exec(message);
    if (!call) return null;
    const given = call[2].trim() === '' ? [] : call[2].split(',').map((type) => type.trim());
    return badArguments(call[1], given, message.split(/Candidate functions:/)[1] ?? '', site);
  },
  (message, site) => {
    const macro = /Macro ([\w$]+)\(\) does not support the supplied arguments/.exec(message);
    if (!macro) return null;
    const candidates = message.split(/Candidate macros:/)[1] ?? '';
    const given = /^\S+\((.*)\)/.exec(site.rest.trim())?.[1] ?? '';
    const count = given.trim() === '' ? 0 : given.split(',').length;
    return badArguments(macro[1], Array.from({ length: count }, () => 'VARIANT'), candidates, site);
  },
  (message, site) => {
    const column = /column "(.+?)" must appear in the GROUP BY clause/.exec(message);
    return column
      ? { code: '000979', sqlState: '42601', message: `${at(site)}'${column[1]}' in select clause is neither an aggregate nor in the group by clause.` }
      : null;
  },
  (message, site) =>
    /WHERE clause cannot contain aggregates/.test(message)
      ? { code: '002035', sqlState: '42601', message: `${at(site)}Invalid aggregate function in where clause [${near(site)}]` }
      : null,
  (message, site) => {
    const term = /(ORDER|GROUP) (?:BY )?term out of range - should be between (\d+) and (\d+)/.exec(message);
    return term
      ? { code: '002079', sqlState: '42601', message: `${at(site)}Position ${near(site)} is out of range for ${term[1]} BY; the select list has ${term[3]} column(s).` }
      : null;
  },
  (message, site) =>
    /Set operations can only apply to expressions with the same number of result columns/.test(message)
      ? { code: '001789', sqlState: '42601', message: `${at(site)}invalid number of result columns for set operator input branches` }
      : null,
  (message, site) => {
    const sub = /Subquery returns (\d+) columns - expected 1/.exec(message);
    return sub ? { code: '002019', sqlState: '42601', message: `${at(site)}Subquery returns ${sub[1]} columns where one was expected` } : null;
  },
  (message) => {
    const insert = /table .+ has (\d+) columns but (\d+) values were supplied/.exec(message);
    return insert
      ? { code: '002020', sqlState: '21S01', message: `${COMPILATION}\nInsert value list does not match column list expecting ${insert[1]} but got ${insert[2]}` }
      : null;
  },
  (message) =>
    /NOT NULL constraint failed/.test(message) ? { code: '100072', sqlState: '22000', message: 'NULL result in a non-nullable column' } : null,
  (message) => {
    const duplicate = /Column with name (.+?) already exists/.exec(message);
    return duplicate ? { code: '002025', sqlState: '42S21', message: `${COMPILATION}\nduplicate column name '${duplicate[1]}'` } : null;
  },
  (message) => {
    const type = /Type with name (.+?) does not exist/.exec(message);
    return type ? { code: '002040', sqlState: '42601', message: `${COMPILATION}\nUnsupported data type '${type[1]}'.` } : null;
  },
  (message, site) => {
    const column = /Ambiguous reference to column name "(.+?)"/.exec(message);
    return column ? { code: '000918', sqlState: '42601', message: `${at(site)}ambiguous column name '${column[1]}'` } : null;
  },
  (message, site) => {
    const table = /Ambiguous reference to table "(?:.*\.)?(.+?)"/.exec(message);
    return table ? { code: '002026', sqlState: '42601', message: `${at(site)}ambiguous table name '${table[1]}'` } : null;
  },
  (message, site) => {
    const table = /Referenced table "(.+?)" not found/.exec(message);
    return table ? { code: '000904', sqlState: '42000', message: `${at(site)}invalid identifier '${table[1]}'` } : null;
  },
  (message, site) =>
    /LIMIT\/OFFSET cannot be negative|LIMIT .* must not be negative/.test(message)
      ? { code: '001008', sqlState: '22023', message: `${at(site)}Invalid row count '${near(site)}' in limit clause` }
      : null,
  (message) => {
    const value = /(?:invalid date field format|date field value out of range): "(.*?)"/.exec(message) ?? /Could not convert string '(.*)' to DATE/.exec(message);
    return value ? { code: '100040', sqlState: '22007', message: `Date '${value[1]}' is not recognized` } : null;
  },
  (message) => {
    const value = /(?:invalid timestamp field format|timestamp field value out of range): "(.*?)"/.exec(message) ?? /Could not convert string '(.*)' to TIMESTAMP/.exec(message);
    return value ? { code: '100035', sqlState: '22007', message: `Timestamp '${value[1]}' is not recognized` } : null;
  },
  (message) => {
    const value = /(?:invalid time field format|time field value out of range): "(.*?)"/.exec(message);
    return value ? { code: '100108', sqlState: '22007', message: `Time '${value[1]}' is not recognized` } : null;
  },
  (message) => {
    const value = /Could not convert string '(.*)' to BOOL/.exec(message);
    return value ? { code: '100037', sqlState: '22018', message: `Boolean value '${value[1]}' is not recognized` } : null;
  },
  (message) =>
    /Overflow in|out of range for the destination type|Value out of range|is out of range/.test(message)
      ? { code: '100046', sqlState: '22003', message: 'Number out of representable range' }
      : null,
  (message) =>
    /cannot take (?:square root of a negative number|logarithm of (?:zero|a negative number))/.test(message)
      ? { code: '100097', sqlState: '22023', message: 'Invalid floating point operation' }
      : null,
  (message) =>
    /Malformed JSON|JSON parse|Could not parse JSON|Unexpected (?:end|character) .*JSON/i.test(message)
      ? { code: '100069', sqlState: '22P02', message: 'Error parsing JSON: document is not valid JSON' }
      : null,
  (message, site) =>
    /Invalid Regex|invalid regular expression|missing \)|missing \]/i.test(message)
      ? { code: '100048', sqlState: '2201B', message: `Invalid regular expression: '${near(site)}'` }
      : null,
  (message) => {
    const duplicate = /Duplicate key "(.+?)" violates (?:primary key|unique) constraint/.exec(message);
    return duplicate ? { code: '100000', sqlState: '23505', message: `Duplicate key ${duplicate[1]}` } : null;
  },
];

/** The Snowflake error for a DuckDB error of `type` and `message`, at `site`. */
export function engineMessageAsSnowflake(type: string, message: string, compileTime: boolean, site: ErrorSite): SnowflakeError {
  for (const rule of RULES) {
    const mapped = rule(message, site);
    if (mapped) return mapped;
  }
  if (compileTime) {
    return { code: '000002', sqlState: '0A000', message: `Unsupported feature '${near(site)}' in the local warehouse.` };
  }
  return {
    code: '100000',
    sqlState: '22000',
    message: `SQL execution error: the local warehouse could not evaluate the statement at line ${site.line}, position ${site.position} ('${near(site)}').`,
  };
}
