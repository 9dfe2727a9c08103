/**
 * Snowflake databases and schemas on DuckDB. The default database is the instance's main file
 * (database.ts); every other database is its own file, `<dataDir>/databases/<NAME>.duckdb`,
 * attached under its name, so `DB.SCHEMA.TABLE` resolves in DuckDB as written. The files in
 * that folder are the databases: opening the catalog attaches each again. What DuckDB does not
 * keep (when a database or schema was created, its owner and comment) is kept in a registry
 * table in the system database.
 *
 * DuckDB matches catalog and schema names case-insensitively, so two databases whose names
 * differ only in case cannot both exist here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CatalogStatement, SchemaName } from '../dialect/catalog-statements';
import { quoteIdentifier, sqlString } from '../dialect/tokens';
import { CatalogLock } from './catalog-lock';
import type { ConnectionPool } from './connection-pool';
import type { Database } from './database';
import { SYSTEM_CATALOG } from './history-schema';
import { SnowflakeQueryError, snowflakeErrors } from './snowflake-errors';
import type { QueryRecord, SessionTarget } from './types';

/** One row per database (SCHEMA_NAME '') and per schema created through the catalog. */
const REGISTRY = `${SYSTEM_CATALOG}.MAIN.CATALOG_OBJECTS`;
const DATABASE_ROW = '';
export const DEFAULT_SCHEMA = 'PUBLIC';
/** Owner of what the warehouse creates by itself; Snowflake's account-level role. */
const SYSTEM_OWNER = 'ACCOUNTADMIN';
const FILE_SUFFIX = '.duckdb';

/** What a catalog statement comes to: a status text (and a USE's new context), or SQL whose rows are its result. */
export type CatalogAnswer = { message: string; final?: SessionTarget } | { sql: string };

interface QualifiedSchema {
  database: string;
  name: string;
}

/** A database (schema null) or schema that DROP or CREATE OR REPLACE removed, with what was in it. */
export interface DroppedContainer {
  database: string;
  schema: string | null;
}

export class Catalog {
  readonly lock = new CatalogLock();
  /** Attached database names, as created. */
  private readonly names = new Set<string>();
  /** Told of every database or schema dropped or replaced, so objects kept elsewhere (tasks) go too. */
  private readonly dropListeners: ((dropped: DroppedContainer) => void)[] = [];

  private constructor(
    private readonly database: Database,
    private readonly pool: ConnectionPool,
    private readonly dir: string,
    private readonly defaultDatabase: string,
    private readonly now: () => number,
    private readonly warehouseExists: (name: string) => boolean,
  ) {}

  static async open(
    database: Database,
    pool: ConnectionPool,
    options: {
      dataDir: string;
      defaultDatabase: string;
      defaultSchema: string;
      now: () => number;
      /** USE WAREHOUSE switches only to a warehouse that exists (warehouses.ts). */
      warehouseExists: (name: string) => boolean;
    },
  ): Promise<Catalog> {
    const dir = path.join(options.dataDir, 'databases');
    fs.mkdirSync(dir, { recursive: true });
    const catalog = new Catalog(database, pool, dir, options.defaultDatabase, options.now, options.warehouseExists);
    await database.withConnection(async (connection) => {
      await connection.run(
        `CREATE TABLE IF NOT EXISTS ${REGISTRY} (DATABASE_NAME VARCHAR, SCHEMA_NAME VARCHAR, CREATED_MS BIGINT, ` +
          `OWNER VARCHAR, COMMENT VARCHAR, PRIMARY KEY (DATABASE_NAME, SCHEMA_NAME))`,
      );
      catalog.names.add(options.defaultDatabase);
      await catalog.register(connection, options.defaultDatabase, DATABASE_ROW, SYSTEM_OWNER, null, false);
      await catalog.register(connection, options.defaultDatabase, options.defaultSchema, SYSTEM_OWNER, null, false);
      for (const file of fs.readdirSync(dir).filter((name) => name.endsWith(FILE_SUFFIX))) {
        const name = decodeURIComponent(file.slice(0, -FILE_SUFFIX.length));
        await connection.run(`ATTACH ${sqlString(path.join(dir, file))} AS ${quoteIdentifier(name)}`);
        catalog.names.add(name);
        // A database file copied in by hand has no registry row yet.
        await catalog.register(connection, name, DATABASE_ROW, SYSTEM_OWNER, null, false);
      }
    });
    return catalog;
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** Calls `listener` after each DROP DATABASE / SCHEMA, and each CREATE OR REPLACE of one. */
  onDrop(listener: (dropped: DroppedContainer) => void): void {
    this.dropListeners.push(listener);
  }

  /** True when `database` exists and has `schema`. */
  async hasSchema(database: string, schema: string): Promise<boolean> {
    if (!this.has(database)) return false;
    return this.database.withConnection((connection) => this.schemaExists(connection, { database, name: schema }));
  }

  /** True when `name` names a database, ignoring case as DuckDB does when it resolves names. */
  resolvesToDatabase(name: string): boolean {
    const lower = name.toLowerCase();
    return [...this.names].some((known) => known.toLowerCase() === lower);
  }

  /** Runs a catalog statement for the query `query` (its session context is where it runs). */
  async run(statement: CatalogStatement, query: QueryRecord, signal: AbortSignal): Promise<CatalogAnswer> {
    switch (statement.kind) {
      case 'createDatabase':
        return this.lock.withExclusive(() => this.createDatabase(statement, query.role), signal);
      case 'dropDatabase':
        return this.lock.withExclusive(() => this.dropDatabase(statement.name, statement.ifExists), signal);
      case 'createSchema':
        return this.lock.withShared(() => this.createSchema(statement, query), signal);
      case 'dropSchema':
        return this.lock.withShared(() => this.dropSchema(qualified(statement.schema, query), statement.ifExists), signal);
      case 'useDatabase':
        return this.lock.withShared(() => this.useDatabase(statement.name, query), signal);
      case 'useSchema':
        return this.lock.withShared(() => this.useSchema(qualified(statement.schema, query), query), signal);
      case 'useWarehouse':
        if (!this.warehouseExists(statement.name)) throw new SnowflakeQueryError(snowflakeErrors.objectUnavailable());
        return used(query, { warehouse: statement.name });
      case 'useRole':
        return used(query, { role: statement.name });
      case 'useSecondaryRoles':
        return used(query, {});
      case 'showDatabases':
        return { sql: this.showDatabasesSql(statement.like, query) };
      case 'showSchemas': {
        const database = statement.inAccount ? null : (statement.database ?? query.database);
        if (database !== null) this.requireDatabase(database);
        return { sql: this.showSchemasSql(statement.like, database, query) };
      }
    }
  }

  private async createDatabase(
    statement: Extract<CatalogStatement, { kind: 'createDatabase' }>,
    owner: string,
  ): Promise<CatalogAnswer> {
    const { name } = statement;
    if (this.has(name)) {
      const kept = alreadyExists(name, statement);
      if (kept) return kept;
      await this.dropDatabase(name, false);
    }
    const clash = [...this.names].find((known) => known.toLowerCase() === name.toLowerCase());
    if (clash) {
      throw new SnowflakeQueryError(
        snowflakeErrors.compilation(`Database '${name}' differs from database '${clash}' only in case; the local warehouse (DuckDB) ignores case in database names.`),
      );
    }
    await this.database.withConnection(async (connection) => {
      await connection.run(`ATTACH ${sqlString(this.fileOf(name))} AS ${quoteIdentifier(name)}`);
      this.names.add(name);
      await connection.run(`CREATE SCHEMA ${quoteIdentifier(name)}.${quoteIdentifier(DEFAULT_SCHEMA)}`);
      await this.register(connection, name, DATABASE_ROW, owner, statement.comment, true);
      await this.register(connection, name, DEFAULT_SCHEMA, owner, null, true);
    });
    return { message: `Database ${name} successfully created.` };
  }

  private async dropDatabase(name: string, ifExists: boolean): Promise<CatalogAnswer> {
    if (!this.has(name)) {
      if (ifExists) return { message: `Drop statement executed successfully (${name} already dropped).` };
      throw new SnowflakeQueryError(snowflakeErrors.databaseNotFound(name));
    }
    if (name === this.defaultDatabase) {
      throw new SnowflakeQueryError(
        snowflakeErrors.compilation(`Database '${name}' is the local warehouse's default database and cannot be dropped.`),
      );
    }
    // Idle query connections may still have the database as their current one.
    this.pool.closeIdle();
    await this.database.withConnection(async (connection) => {
      await connection.run(`DETACH ${quoteIdentifier(name)}`);
      this.names.delete(name);
      await connection.run(`DELETE FROM ${REGISTRY} WHERE DATABASE_NAME = ?`, [name]);
    });
    const file = this.fileOf(name);
    for (const leftover of [file, `${file}.wal`]) fs.rmSync(leftover, { force: true });
    this.dropped({ database: name, schema: null });
    return { message: `${name} successfully dropped.` };
  }

  private async createSchema(
    statement: Extract<CatalogStatement, { kind: 'createSchema' }>,
    query: QueryRecord,
  ): Promise<CatalogAnswer> {
    const schema = qualified(statement.schema, query);
    const target = this.schemaSql(schema);
    return this.database.withConnection(async (connection) => {
      if (await this.schemaExists(connection, schema)) {
        const kept = alreadyExists(schema.name, statement);
        if (kept) return kept;
        await connection.run(`DROP SCHEMA ${target} CASCADE`);
        this.dropped({ database: schema.database, schema: schema.name });
      }
      await connection.run(`CREATE SCHEMA ${target}`);
      await this.register(connection, schema.database, schema.name, query.role, statement.comment, true);
      return { message: `Schema ${schema.name} successfully created.` };
    });
  }

  private async dropSchema(schema: QualifiedSchema, ifExists: boolean): Promise<CatalogAnswer> {
    return this.database.withConnection(async (connection) => {
      if (!(await this.schemaExists(connection, schema))) {
        if (ifExists) return { message: `Drop statement executed successfully (${schema.name} already dropped).` };
        throw new SnowflakeQueryError(snowflakeErrors.schemaNotFound(`${schema.database}.${schema.name}`));
      }
      await connection.run(`DROP SCHEMA ${this.schemaSql(schema)} CASCADE`);
      await connection.run(`DELETE FROM ${REGISTRY} WHERE DATABASE_NAME = ? AND SCHEMA_NAME = ?`, [schema.database, schema.name]);
      this.dropped({ database: schema.database, schema: schema.name });
      return { message: `${schema.name} successfully dropped.` };
    });
  }

  /** Snowflake's USE DATABASE also moves to the database's PUBLIC schema, when it has one. */
  private async useDatabase(name: string, query: QueryRecord): Promise<CatalogAnswer> {
    this.requireDatabase(name);
    const hasPublic = await this.database.withConnection((connection) =>
      this.schemaExists(connection, { database: name, name: DEFAULT_SCHEMA }),
    );
    return used(query, { database: name, schema: hasPublic ? DEFAULT_SCHEMA : '' });
  }

  private async useSchema(schema: QualifiedSchema, query: QueryRecord): Promise<CatalogAnswer> {
    await this.database.withConnection(async (connection) => {
      if (!(await this.schemaExists(connection, schema))) {
        throw new SnowflakeQueryError(snowflakeErrors.schemaNotFound(`${schema.database}.${schema.name}`));
      }
    });
    return used(query, { database: schema.database, schema: schema.name });
  }

  /** Throws Snowflake's error unless `schema`'s database exists and has the schema. */
  private async schemaExists(connection: DuckDBConnection, schema: QualifiedSchema): Promise<boolean> {
    this.requireDatabase(schema.database);
    const result = await connection.run(
      `SELECT 1 FROM duckdb_schemas() WHERE lower(database_name) = lower(?) AND schema_name = ?`,
      [schema.database, schema.name],
    );
    return (await result.getRows()).length > 0;
  }

  private dropped(container: DroppedContainer): void {
    for (const listener of this.dropListeners) listener(container);
  }

  private requireDatabase(name: string): void {
    if (!this.has(name)) throw new SnowflakeQueryError(snowflakeErrors.databaseNotFound(name));
  }

  private async register(
    connection: DuckDBConnection,
    database: string,
    schema: string,
    owner: string,
    comment: string | null,
    replace: boolean,
  ): Promise<void> {
    await connection.run(
      `INSERT ${replace ? 'OR REPLACE' : 'OR IGNORE'} INTO ${REGISTRY} VALUES (?, ?, ?, ?, ?)`,
      [database, schema, this.now(), owner, comment],
    );
  }

  private fileOf(name: string): string {
    return path.join(this.dir, `${encodeURIComponent(name)}${FILE_SUFFIX}`);
  }

  private schemaSql(schema: QualifiedSchema): string {
    return `${quoteIdentifier(schema.database)}.${quoteIdentifier(schema.name)}`;
  }

  /** SHOW DATABASES: Snowflake's core columns, ordered by name. */
  private showDatabasesSql(like: string | null, query: QueryRecord): string {
    return (
      `SELECT TO_TIMESTAMP(CREATED_MS / 1000) AS created_on, DATABASE_NAME AS name, ` +
      `${flag(`DATABASE_NAME = ${sqlString(this.defaultDatabase)}`)} AS is_default, ` +
      `${flag(`DATABASE_NAME = ${sqlString(query.database)}`)} AS is_current, '' AS origin, OWNER AS owner, ` +
      `COALESCE(COMMENT, '') AS comment, '' AS options, '1' AS retention_time, 'STANDARD' AS kind ` +
      `FROM ${REGISTRY} WHERE SCHEMA_NAME = ''${likeFilter('DATABASE_NAME', like)} ORDER BY name`
    );
  }

  /**
   * SHOW SCHEMAS: DuckDB's schemas of the database (or of all), plus the INFORMATION_SCHEMA
   * Snowflake lists in each; a schema the registry does not know dates from its database.
   */
  private showSchemasSql(like: string | null, database: string | null, query: QueryRecord): string {
    const inDatabase = database === null ? '' : ` AND D.DATABASE_NAME = ${sqlString(database)}`;
    return (
      `WITH S AS (SELECT D.DATABASE_NAME AS DB, S.schema_name AS NAME FROM ${REGISTRY} D ` +
      `JOIN duckdb_schemas() S ON lower(S.database_name) = lower(D.DATABASE_NAME) AND NOT S.internal ` +
      `WHERE D.SCHEMA_NAME = ''${inDatabase} ` +
      `UNION ALL SELECT D.DATABASE_NAME, 'INFORMATION_SCHEMA' FROM ${REGISTRY} D WHERE D.SCHEMA_NAME = ''${inDatabase}) ` +
      `SELECT TO_TIMESTAMP(COALESCE(R.CREATED_MS, D.CREATED_MS) / 1000) AS created_on, S.NAME AS name, 'N' AS is_default, ` +
      `${flag(`S.DB = ${sqlString(query.database)} AND S.NAME = ${sqlString(query.schema)}`)} AS is_current, ` +
      `S.DB AS database_name, COALESCE(R.OWNER, D.OWNER) AS owner, COALESCE(R.COMMENT, CASE WHEN S.NAME = 'INFORMATION_SCHEMA' ` +
      `THEN 'Views describing the contents of schemas in this database' ELSE '' END) AS comment, '' AS options, ` +
      `'1' AS retention_time FROM S JOIN ${REGISTRY} D ON D.DATABASE_NAME = S.DB AND D.SCHEMA_NAME = '' ` +
      `LEFT JOIN ${REGISTRY} R ON R.DATABASE_NAME = S.DB AND R.SCHEMA_NAME = S.NAME ` +
      `WHERE true${likeFilter('S.NAME', like)} ORDER BY database_name, name`
    );
  }
}

/**
 * CREATE of an object that exists: with IF NOT EXISTS Snowflake's answer that it does, with OR
 * REPLACE null (the caller replaces it), otherwise Snowflake's "already exists" error.
 */
export function alreadyExists(name: string, statement: { ifNotExists: boolean; orReplace: boolean }): CatalogAnswer | null {
  if (statement.ifNotExists) return { message: `${name} already exists, statement succeeded.` };
  if (!statement.orReplace) throw new SnowflakeQueryError(snowflakeErrors.alreadyExists(name));
  return null;
}

/** A schema name with its database filled in from the query's session when left out. */
function qualified(schema: SchemaName, query: QueryRecord): QualifiedSchema {
  return { database: schema.database ?? query.database, name: schema.name };
}

/** The answer to a USE: the query's own context with `change` applied. */
function used(query: QueryRecord, change: Partial<SessionTarget>): CatalogAnswer {
  const { database, schema, warehouse, role } = query;
  return { message: 'Statement executed successfully.', final: { database, schema, warehouse, role, ...change } };
}

function flag(condition: string): string {
  return `CASE WHEN ${condition} THEN 'Y' ELSE 'N' END`;
}

/** SHOW … LIKE matches case-insensitively, as in Snowflake. */
function likeFilter(column: string, like: string | null): string {
  return like === null ? '' : ` AND ${column} ILIKE ${sqlString(like)}`;
}
