/**
 * The statements about databases, schemas and the session's context that the engine answers
 * itself rather than passing to DuckDB: CREATE/DROP DATABASE (a DuckDB file each), CREATE/DROP
 * SCHEMA, USE … and SHOW DATABASES/SCHEMAS (ALTER SESSION is session-statements.ts'). This module
 * only parses them; names come out as Snowflake resolves them (unquoted upper-cased, quoted verbatim).
 */
import { StatementCursor } from './statement-cursor';

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

/** The statement as a catalog statement, or null when it is none (it then goes to DuckDB). */
export function catalogStatement(sql: string): CatalogStatement | null {
  const at = new StatementCursor(sql);
  let statement: CatalogStatement | null = null;
  if (at.accept('CREATE')) statement = create(at);
  else if (at.accept('DROP')) statement = drop(at);
  else if (at.accept('USE')) statement = use(at);
  else if (at.accept('SHOW')) statement = show(at);
  if (statement) at.end();
  return statement;
}

function schemaName(at: StatementCursor): SchemaName {
  const [first, second] = at.dottedName();
  return second === undefined ? { database: null, name: first } : { database: first, name: second };
}

function create(at: StatementCursor): CatalogStatement | null {
  const orReplace = at.accept('OR', 'REPLACE');
  at.accept('TRANSIENT');
  if (at.accept('DATABASE')) {
    const ifNotExists = at.accept('IF', 'NOT', 'EXISTS');
    const name = at.name();
    return { kind: 'createDatabase', name, orReplace, ifNotExists, comment: at.comment() };
  }
  if (!at.accept('SCHEMA')) return null;
  const ifNotExists = at.accept('IF', 'NOT', 'EXISTS');
  const schema = schemaName(at);
  // Managed access changes who may grant privileges; there are no privileges here.
  at.accept('WITH', 'MANAGED', 'ACCESS');
  return { kind: 'createSchema', schema, orReplace, ifNotExists, comment: at.comment() };
}

function drop(at: StatementCursor): CatalogStatement | null {
  const kind = at.accept('DATABASE') ? 'dropDatabase' : at.accept('SCHEMA') ? 'dropSchema' : null;
  if (!kind) return null;
  const ifExists = at.accept('IF', 'EXISTS');
  const statement: CatalogStatement =
    kind === 'dropDatabase' ? { kind, name: at.name(), ifExists } : { kind, schema: schemaName(at), ifExists };
  // Snowflake drops what the object contains either way (RESTRICT only matters for shares).
  if (!at.accept('CASCADE')) at.accept('RESTRICT');
  return statement;
}

function use(at: StatementCursor): CatalogStatement {
  if (at.accept('WAREHOUSE')) return { kind: 'useWarehouse', name: at.name() };
  if (at.accept('ROLE')) return { kind: 'useRole', name: at.name() };
  if (at.accept('SECONDARY', 'ROLES')) {
    if (!at.accept('ALL') && !at.accept('NONE')) at.name();
    return { kind: 'useSecondaryRoles' };
  }
  if (at.accept('DATABASE')) return { kind: 'useDatabase', name: at.name() };
  if (at.accept('SCHEMA')) return { kind: 'useSchema', schema: schemaName(at) };
  const schema = schemaName(at);
  return schema.database === null ? { kind: 'useDatabase', name: schema.name } : { kind: 'useSchema', schema };
}

function show(at: StatementCursor): CatalogStatement | null {
  if (at.accept('DATABASES')) return { kind: 'showDatabases', like: at.like() };
  if (!at.accept('SCHEMAS')) return null;
  const like = at.like();
  if (!at.accept('IN')) return { kind: 'showSchemas', like, database: null, inAccount: false };
  if (at.accept('ACCOUNT')) return { kind: 'showSchemas', like, database: null, inAccount: true };
  at.accept('DATABASE');
  return { kind: 'showSchemas', like, database: at.name(), inAccount: false };
}
