/**
 * The statements about databases, schemas and the session's context that the engine answers
 * itself rather than passing to DuckDB: CREATE/DROP DATABASE (a DuckDB file each), CREATE/DROP
 * SCHEMA, USE … and SHOW DATABASES/SCHEMAS. This module only parses them; names come out as
 * Snowflake resolves them (unquoted upper-cased, quoted verbatim).
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { identifierName, significantTokens, stringValue } from './tokens';

/** A schema name as written: `database` is null when the statement leaves it to the session. */
export interface SchemaName {
  database: string | null;
  name: string;
}

export type CatalogStatement =
  | { kind: 'createDatabase'; name: string; orReplace: boolean; ifNotExists: boolean; comment: string | null }
  | { kind: 'dropDatabase'; name: string; ifExists: boolean }
  | { kind: 'createSchema'; schema: SchemaName; orReplace: boolean; ifNotExists: boolean; comment: string | null }
  | { kind: 'dropSchema'; schema: SchemaName; ifExists: boolean }
  | { kind: 'useDatabase'; name: string }
  | { kind: 'useSchema'; schema: SchemaName }
  | { kind: 'useWarehouse'; name: string }
  | { kind: 'useRole'; name: string }
  | { kind: 'useSecondaryRoles' }
  | { kind: 'showDatabases'; like: string | null }
  /** `database` null: the session's database; `inAccount`: every database. */
  | { kind: 'showSchemas'; like: string | null; database: string | null; inAccount: boolean };

/** Walks the statement's significant tokens, failing with Snowflake's syntax error. */
class Cursor {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  /** Consumes the words if they come next, in order. */
  accept(...words: string[]): boolean {
    if (!words.every((word, k) => isWord(this.tokens[this.i + k], word))) return false;
    this.i += words.length;
    return true;
  }

  name(): string {
    const token = this.tokens[this.i];
    if (token?.kind !== 'identifier' && token?.kind !== 'quoted_identifier') throw this.unexpected();
    this.i += 1;
    return identifierName(token);
  }

  /** `a` or `a.b`. */
  dottedName(): string[] {
    const parts = [this.name()];
    while (isSymbol(this.tokens[this.i], '.') && parts.length < 2) {
      this.i += 1;
      parts.push(this.name());
    }
    return parts;
  }

  schemaName(): SchemaName {
    const [first, second] = this.dottedName();
    return second === undefined ? { database: null, name: first } : { database: first, name: second };
  }

  string(): string {
    const value = stringValue(this.tokens[this.i]);
    if (value === null) throw this.unexpected();
    this.i += 1;
    return value;
  }

  /** `[COMMENT = '…']`, the one object property the local warehouse keeps. */
  comment(): string | null {
    if (!this.accept('COMMENT')) return null;
    if (!isSymbol(this.tokens[this.i], '=')) throw this.unexpected();
    this.i += 1;
    return this.string();
  }

  like(): string | null {
    return this.accept('LIKE') ? this.string() : null;
  }

  end(): void {
    if (isSymbol(this.tokens[this.i], ';')) this.i += 1;
    if (this.i < this.tokens.length) throw this.unexpected();
  }

  private unexpected(): SnowflakeQueryError {
    const token = this.tokens[this.i];
    const last = this.tokens[this.tokens.length - 1];
    return new SnowflakeQueryError(
      token
        ? snowflakeErrors.syntax(token.line, token.column - 1, token.text)
        : snowflakeErrors.syntax(last?.line ?? 1, last ? last.column - 1 + last.text.length : 0, '<EOF>'),
    );
  }
}

/** The statement as a catalog statement, or null when it is none (it then goes to DuckDB). */
export function catalogStatement(sql: string): CatalogStatement | null {
  const tokens = significantTokens(sql);
  const at = new Cursor(tokens);
  let statement: CatalogStatement | null = null;
  if (at.accept('CREATE')) statement = create(at);
  else if (at.accept('DROP')) statement = drop(at);
  else if (at.accept('USE')) statement = use(at);
  else if (at.accept('SHOW')) statement = show(at);
  if (statement) at.end();
  return statement;
}

function create(at: Cursor): CatalogStatement | null {
  const orReplace = at.accept('OR', 'REPLACE');
  at.accept('TRANSIENT');
  if (at.accept('DATABASE')) {
    const ifNotExists = at.accept('IF', 'NOT', 'EXISTS');
    const name = at.name();
    return { kind: 'createDatabase', name, orReplace, ifNotExists, comment: at.comment() };
  }
  if (!at.accept('SCHEMA')) return null;
  const ifNotExists = at.accept('IF', 'NOT', 'EXISTS');
  const schema = at.schemaName();
  // Managed access changes who may grant privileges; there are no privileges here.
  at.accept('WITH', 'MANAGED', 'ACCESS');
  return { kind: 'createSchema', schema, orReplace, ifNotExists, comment: at.comment() };
}

function drop(at: Cursor): CatalogStatement | null {
  const kind = at.accept('DATABASE') ? 'dropDatabase' : at.accept('SCHEMA') ? 'dropSchema' : null;
  if (!kind) return null;
  const ifExists = at.accept('IF', 'EXISTS');
  const statement: CatalogStatement =
    kind === 'dropDatabase' ? { kind, name: at.name(), ifExists } : { kind, schema: at.schemaName(), ifExists };
  // Snowflake drops what the object contains either way (RESTRICT only matters for shares).
  if (!at.accept('CASCADE')) at.accept('RESTRICT');
  return statement;
}

function use(at: Cursor): CatalogStatement {
  if (at.accept('WAREHOUSE')) return { kind: 'useWarehouse', name: at.name() };
  if (at.accept('ROLE')) return { kind: 'useRole', name: at.name() };
  if (at.accept('SECONDARY', 'ROLES')) {
    if (!at.accept('ALL') && !at.accept('NONE')) at.name();
    return { kind: 'useSecondaryRoles' };
  }
  if (at.accept('DATABASE')) return { kind: 'useDatabase', name: at.name() };
  if (at.accept('SCHEMA')) return { kind: 'useSchema', schema: at.schemaName() };
  const schema = at.schemaName();
  return schema.database === null ? { kind: 'useDatabase', name: schema.name } : { kind: 'useSchema', schema };
}

function show(at: Cursor): CatalogStatement | null {
  if (at.accept('DATABASES')) return { kind: 'showDatabases', like: at.like() };
  if (!at.accept('SCHEMAS')) return null;
  const like = at.like();
  if (!at.accept('IN')) return { kind: 'showSchemas', like, database: null, inAccount: false };
  if (at.accept('ACCOUNT')) return { kind: 'showSchemas', like, database: null, inAccount: true };
  at.accept('DATABASE');
  return { kind: 'showSchemas', like, database: at.name(), inAccount: false };
}
