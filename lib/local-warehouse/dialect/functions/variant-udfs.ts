/**
 * The parts of Snowflake's semi-structured functions DuckDB's own JSON functions cannot give,
 * as scalar functions written in TypeScript (variant-json.ts) and registered once per DuckDB
 * instance: PARSE_JSON's lenient grammar, sorted keys and Snowflake's error messages, and the
 * way a VARIANT, OBJECT or ARRAY prints in a result. Their names start with SF_ so that no
 * DuckDB word reaches a client; a failure carries Snowflake's code (functions/raise.ts).
 * https://docs.snowflake.com/en/sql-reference/functions/parse_json
 * https://docs.snowflake.com/en/sql-reference/functions/check_json
 */
import { DuckDBScalarFunction, DuckDBVarCharType, VARCHAR, type DuckDBConnection, type DuckDBDataChunk, type DuckDBVector } from '@duckdb/node-api';
import { compactJson, displayJson, jsonPointer, JsonSyntaxError, parseSnowflakeJson, parseSnowflakePath } from './variant-json';

const JSON_TYPE = DuckDBVarCharType.create('JSON');

/** Raised like raiseSql's marker, so the error mapper reports Snowflake's code. */
class RaisedError extends Error {
  constructor(code: string, sqlState: string, message: string) {
    super(`[SF ${code} ${sqlState}] ${message}`);
  }
}

type Text = string | null;

/** One row's result from its VARCHAR arguments; null for SQL NULL. */
type Row = (args: Text[]) => Text;

function scalar(name: string, parameters: number, returnsJson: boolean, row: Row): DuckDBScalarFunction {
  return DuckDBScalarFunction.create({
    name,
    returnType: returnsJson ? JSON_TYPE : VARCHAR,
    parameterTypes: Array.from({ length: parameters }, () => VARCHAR),
    mainFunction: (info, input: DuckDBDataChunk, output: DuckDBVector) => {
      const columns = Array.from({ length: parameters }, (_, i) => input.getColumnVector(i));
      try {
        for (let r = 0; r < input.rowCount; r += 1) {
          output.setItem(r, row(columns.map((column) => column.getItem(r) as Text)));
        }
        output.flush();
      } catch (error) {
        info.setError(error instanceof Error ? error.message : String(error));
      }
    },
  });
}

/** PARSE_JSON's second argument: 's' (duplicate keys fail, the default) or 'd' (the last one wins). */
function allowsDuplicates(parameter: Text): boolean {
  const mode = (parameter ?? 's').toLowerCase();
  if (mode !== 's' && mode !== 'd') {
    throw new RaisedError('100069', '22P02', `Error parsing JSON: invalid parameter '${parameter}', expected 's' or 'd'`);
  }
  return mode === 'd';
}

function parse(text: string, duplicates: boolean): Text {
  const node = parseSnowflakeJson(text, duplicates);
  return node && compactJson(node);
}

function parseJson([text, parameter]: Text[]): Text {
  if (text === null) return null;
  try {
    return parse(text, allowsDuplicates(parameter));
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new RaisedError('100069', '22P02', `Error parsing JSON: ${error.message}`);
    throw error;
  }
}

function tryParseJson([text, parameter]: Text[]): Text {
  if (text === null) return null;
  const duplicates = allowsDuplicates(parameter);
  try {
    return parse(text, duplicates);
  } catch {
    return null;
  }
}

function checkJson([text]: Text[]): Text {
  if (text === null) return null;
  try {
    parseSnowflakeJson(text);
    return null;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error.message;
    throw error;
  }
}

/** A stored value's text as a result prints it; text that is not JSON (never stored by the warehouse) stays as it is. */
function displayText([text]: Text[]): Text {
  if (text === null) return null;
  try {
    const node = parseSnowflakeJson(text, true);
    return node ? displayJson(node) : text;
  } catch {
    return text;
  }
}

/** DuckDB's JSON text with every object's keys sorted, as Snowflake keeps an OBJECT. */
function sortedJson([text]: Text[]): Text {
  return text === null ? null : parse(text, true);
}

/** A GET_PATH path given at run time, as the JSON Pointer DuckDB's json_extract reads. */
function pathPointer([path]: Text[]): Text {
  if (path === null) return null;
  try {
    return jsonPointer(parseSnowflakePath(path));
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new RaisedError('100071', '22000', error.message);
    throw error;
  }
}

/** Registers the functions with DuckDB; they then exist for every connection of its instance. */
export function registerVariantFunctions(connection: DuckDBConnection): void {
  for (const fn of [
    scalar('SF_PARSE_JSON', 2, true, parseJson),
    scalar('SF_TRY_PARSE_JSON', 2, true, tryParseJson),
    scalar('SF_CHECK_JSON', 1, false, checkJson),
    scalar('SF_DISPLAY_JSON', 1, false, displayText),
    scalar('SF_SORTED_JSON', 1, true, sortedJson),
    scalar('SF_PATH_POINTER', 1, false, pathPointer),
  ]) {
    connection.registerScalarFunction(fn);
  }
}
