/**
 * The procedure statements the local warehouse answers: CREATE, DROP, DESCRIBE and SHOW
 * PROCEDURE(S) (https://docs.snowflake.com/en/sql-reference/sql/create-procedure,
 * https://docs.snowflake.com/en/sql-reference/sql/drop-procedure,
 * https://docs.snowflake.com/en/sql-reference/sql/desc-procedure,
 * https://docs.snowflake.com/en/sql-reference/sql/show-procedures). `parseProcedureStatement`
 * returns null for any other SQL and throws a SqlStatementError (Snowflake's code and position)
 * for one that is malformed, or Snowflake's 000002 for a procedure in a language other than SQL.
 */
import type { Token } from '@/lib/domain/sql/lexer';
import { stringValue } from '@/lib/domain/sql/literals';
import { type ObjectName, SqlReader, startsWithWords } from '@/lib/domain/sql/sql-reader';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { readExpression, readType } from './statement-text';

export interface ProcedureArgument {
  name: string;
  type: string;
  /** The DEFAULT expression as written, or null for a required argument. */
  default: string | null;
}

export type ProcedureReturns =
  | { kind: 'scalar'; type: string; notNull: boolean }
  | { kind: 'table'; columns: { name: string; type: string }[] };

export interface CreateProcedure {
  kind: 'create_procedure';
  orReplace: boolean;
  ifNotExists: boolean;
  secure: boolean;
  name: ObjectName;
  args: ProcedureArgument[];
  returns: ProcedureReturns;
  nullHandling: 'CALLED ON NULL INPUT' | 'RETURNS NULL ON NULL INPUT';
  comment: string | null;
  executeAs: 'OWNER' | 'CALLER' | 'RESTRICTED CALLER';
  /** The Snowflake Scripting block the procedure runs. */
  body: string;
}

export type ShowScope = { kind: 'account' } | { kind: 'database'; name: string | null } | { kind: 'schema'; name: ObjectName | null };

export type ProcedureStatement =
  | CreateProcedure
  | { kind: 'drop_procedure'; ifExists: boolean; name: ObjectName; types: string[] }
  | { kind: 'describe_procedure'; name: ObjectName; types: string[] }
  | { kind: 'show_procedures'; like: string | null; in: ShowScope | null };

const NAME = 'Expected a procedure name.';
const OTHER_LANGUAGES = ['JAVASCRIPT', 'PYTHON', 'JAVA', 'SCALA'];
const CREATE_FORMS = [
  ['CREATE', 'PROCEDURE'],
  ['CREATE', 'SECURE', 'PROCEDURE'],
  ['CREATE', 'OR', 'REPLACE', 'PROCEDURE'],
  ['CREATE', 'OR', 'REPLACE', 'SECURE', 'PROCEDURE'],
];

export function parseProcedureStatement(sql: string): ProcedureStatement | null {
  const starts = (...words: string[]) => startsWithWords(sql, ...words);
  const create = CREATE_FORMS.find((words) => starts(...words));
  if (create) {
    const reader = new SqlReader(sql);
    reader.skip(create.length);
    const orReplace = create.includes('REPLACE');
    const secure = create.includes('SECURE');
    // CREATE PROCEDURE SCOPED TEMPORARY TABLE declares a table inside a procedure's body.
    if (reader.isWords('SCOPED')) throw new SnowflakeQueryError(snowflakeErrors.unsupported('procedure-scoped temporary tables'));
    return createProcedure(reader, sql, orReplace, secure);
  }
  if (starts('DROP', 'PROCEDURE')) {
    const reader = new SqlReader(sql);
    reader.skip(2);
    const ifExists = reader.acceptWords('IF', 'EXISTS');
    const name = reader.expectObjectName(NAME).name;
    const types = readSignature(reader, sql);
    reader.expectEnd('Expected the end of the statement after the argument types.');
    return { kind: 'drop_procedure', ifExists, name, types };
  }
  if (starts('DESCRIBE', 'PROCEDURE') || starts('DESC', 'PROCEDURE')) {
    const reader = new SqlReader(sql);
    reader.skip(2);
    const name = reader.expectObjectName(NAME).name;
    const types = readSignature(reader, sql);
    reader.expectEnd('Expected the end of the statement after the argument types.');
    return { kind: 'describe_procedure', name, types };
  }
  if (starts('SHOW', 'PROCEDURES')) return showProcedures(new SqlReader(sql));
  return null;
}

function createProcedure(reader: SqlReader, sql: string, orReplace: boolean, secure: boolean): CreateProcedure {
  const ifNotExists = reader.acceptWords('IF', 'NOT', 'EXISTS');
  const name = reader.expectObjectName(NAME).name;
  const args = readArguments(reader, sql);
  reader.acceptWords('COPY', 'GRANTS');
  reader.expectWords("Expected RETURNS <type> or RETURNS TABLE (…) after the procedure's arguments.", 'RETURNS');
  let returns: ProcedureReturns;
  if (reader.acceptWords('TABLE')) {
    reader.expectSymbol('(', "Expected '(' after RETURNS TABLE.");
    const columns: { name: string; type: string }[] = [];
    while (!reader.acceptSymbol(')')) {
      if (columns.length > 0) reader.expectSymbol(',', "Expected ',' or ')' between the table's columns.");
      const column = reader.expectIdentifier('Expected a column name.').name;
      columns.push({ name: column, type: readType(reader, sql) });
    }
    returns = { kind: 'table', columns };
  } else {
    returns = { kind: 'scalar', type: readType(reader, sql), notNull: false };
  }
  const statement: CreateProcedure = {
    kind: 'create_procedure',
    orReplace,
    ifNotExists,
    secure,
    name,
    args,
    returns,
    nullHandling: 'CALLED ON NULL INPUT',
    comment: null,
    executeAs: 'OWNER',
    body: '',
  };
  for (;;) {
    if (reader.acceptWords('NOT', 'NULL')) {
      if (returns.kind === 'scalar') returns.notNull = true;
    } else if (reader.acceptWords('NULL')) {
      // RETURNS … NULL is the default.
    } else if (reader.acceptWords('LANGUAGE')) {
      const language = reader.expectIdentifier('Expected a language after LANGUAGE, such as SQL.');
      if (OTHER_LANGUAGES.includes(language.name)) {
        throw new SnowflakeQueryError(snowflakeErrors.unsupported(`CREATE PROCEDURE … LANGUAGE ${language.name}`));
      }
      if (language.name !== 'SQL') reader.fail(language.token, 'Expected SQL, JAVASCRIPT, PYTHON, JAVA or SCALA after LANGUAGE.');
    } else if (reader.acceptWords('CALLED', 'ON', 'NULL', 'INPUT')) {
      statement.nullHandling = 'CALLED ON NULL INPUT';
    } else if (reader.acceptWords('RETURNS', 'NULL', 'ON', 'NULL', 'INPUT') || reader.acceptWords('STRICT')) {
      statement.nullHandling = 'RETURNS NULL ON NULL INPUT';
    } else if (reader.acceptWords('VOLATILE') || reader.acceptWords('IMMUTABLE')) {
      // Deprecated and without effect.
    } else if (reader.acceptWords('COMMENT')) {
      reader.expectEquals('COMMENT');
      statement.comment = reader.expectString('Expected a string after COMMENT =.').value;
    } else if (reader.acceptWords('EXECUTE', 'AS')) {
      if (reader.acceptWords('OWNER')) statement.executeAs = 'OWNER';
      else if (reader.acceptWords('CALLER')) statement.executeAs = 'CALLER';
      else {
        reader.expectWords('Expected OWNER, CALLER or RESTRICTED CALLER after EXECUTE AS.', 'RESTRICTED', 'CALLER');
        statement.executeAs = 'RESTRICTED CALLER';
      }
    } else {
      break;
    }
  }
  reader.expectWords("Expected AS and the procedure's body ($$ … $$, a string, or BEGIN … END).", 'AS');
  statement.body = readBody(reader, sql);
  return statement;
}

/** `( [name [IN|INPUT] type [DEFAULT expr]] [, …] )`. */
function readArguments(reader: SqlReader, sql: string): ProcedureArgument[] {
  reader.expectSymbol('(', "Expected '(' and the procedure's arguments after its name.");
  const args: ProcedureArgument[] = [];
  while (!reader.acceptSymbol(')')) {
    if (args.length > 0) reader.expectSymbol(',', "Expected ',' or ')' between the arguments.");
    const { token, name } = reader.expectIdentifier('Expected an argument name.');
    if (args.some((arg) => arg.name === name)) reader.invalid(token, `Argument '${name}' is declared twice.`);
    if (reader.isWords('OUT') || reader.isWords('OUTPUT')) {
      throw new SnowflakeQueryError(snowflakeErrors.unsupported('OUT arguments of a procedure'));
    }
    if (!reader.acceptWords('INPUT')) reader.acceptWords('IN');
    const type = readType(reader, sql);
    const defaultValue = reader.acceptWords('DEFAULT') ? readExpression(reader, sql, 'Expected a default value after DEFAULT.') : null;
    if (defaultValue === null && args.some((arg) => arg.default !== null)) {
      reader.invalid(token, `Argument '${name}' has no default but follows an argument that has one; optional arguments come last.`);
    }
    args.push({ name, type, default: defaultValue });
  }
  return args;
}

/** `( [type [, type …]] )` after DROP or DESCRIBE PROCEDURE's name. */
function readSignature(reader: SqlReader, sql: string): string[] {
  reader.expectSymbol('(', "Expected '(' and the procedure's argument types after its name.");
  const types: string[] = [];
  while (!reader.acceptSymbol(')')) {
    if (types.length > 0) reader.expectSymbol(',', "Expected ',' or ')' between the argument types.");
    types.push(readType(reader, sql));
  }
  return types;
}

/** `$$ … $$`, `'…'`, or the block written out (BEGIN … END / DECLARE …) to the end of the statement. */
function readBody(reader: SqlReader, sql: string): string {
  const first = reader.peek() as Token | undefined;
  const quoted = stringValue(first);
  if (quoted !== null) {
    reader.next();
    reader.expectEnd("Expected the end of the statement after the procedure's body.");
    return quoted;
  }
  if (!first) return reader.fail(first, "Expected the procedure's body after AS.");
  let last = first;
  while (!reader.atEnd()) last = reader.next() as Token;
  return sql.slice(first.start, last.end);
}

function showProcedures(reader: SqlReader): ProcedureStatement {
  reader.skip(2);
  const like = reader.acceptWords('LIKE') ? reader.expectString("Expected a pattern after LIKE, such as 'load%'.").value : null;
  let scope: ShowScope | null = null;
  if (reader.acceptWords('IN')) {
    if (reader.acceptWords('ACCOUNT')) scope = { kind: 'account' };
    else if (reader.acceptWords('DATABASE')) {
      scope = { kind: 'database', name: reader.atEnd() ? null : reader.expectIdentifier('Expected a database name.').name };
    } else if (reader.acceptWords('SCHEMA') && reader.atEnd()) scope = { kind: 'schema', name: null };
    else {
      const { token, name } = reader.expectObjectName('Expected ACCOUNT, DATABASE, SCHEMA or a schema name after IN.');
      if (name.database !== null) reader.fail(token, 'A schema name has at most two parts: database.schema.');
      scope = { kind: 'schema', name };
    }
  }
  reader.expectEnd('Expected [LIKE …] [IN …], in that order.');
  return { kind: 'show_procedures', like, in: scope };
}
