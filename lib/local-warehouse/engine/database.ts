/**
 * The warehouse's DuckDB instance. The default database is the main file, named after it
 * (FLURRY → flurry.duckdb, so `FLURRY.PUBLIC.T` resolves); the engine's history lives in its
 * own attached file, apart from user tables. Other databases are files attached beside it
 * (catalog.ts). Stored results are files beside them (result-store.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { FUNCTION_CATALOG, FUNCTION_MACROS, searchPathWithFunctions } from '../dialect/functions';
import { registerVariantFunctions } from '../dialect/functions/variant-udfs';
import { quoteIdentifier, sqlString } from '../dialect/tokens';
import { SYSTEM_CATALOG } from './history-schema';

export interface Database {
  /** A plain connection for the engine's own statements. Close it when done. */
  connect(): Promise<DuckDBConnection>;
  /** A connection set up for user statements: Snowflake's functions (dialect/functions) on its search path. */
  connectForQueries(): Promise<DuckDBConnection>;
  /** DuckDB's built-in function names, upper-case (dialect/engine-only-functions.ts). */
  engineFunctions: ReadonlySet<string>;
  /** Run `fn` on a fresh plain connection and close it afterwards. */
  withConnection<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T>;
  close(): void;
}

const DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export async function openDatabase(dataDir: string, defaultDatabase: string, defaultSchema: string): Promise<Database> {
  for (const [what, name] of [['defaultDatabase', defaultDatabase], ['defaultSchema', defaultSchema]]) {
    if (!DATABASE_NAME.test(name)) {
      throw new Error(`Local warehouse: ${what} "${name}" must be a plain identifier (letters, digits, _).`);
    }
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const instance = await DuckDBInstance.create(path.join(dataDir, `${defaultDatabase.toLowerCase()}.duckdb`), {
    // Structured errors carry the type, position and object name the Snowflake mapping needs.
    errors_as_json: 'true',
    // DuckDB would keep the bytes of every Parquet file it reads in memory (up to its memory
    // limit); result files are read once per chunk, so the cache only made a large result's
    // bytes stay resident while it was streamed (result-store.ts).
    enable_external_file_cache: 'false',
  });
  const setup = await instance.connect();
  let engineFunctions: ReadonlySet<string>;
  try {
    await setup.run(`ATTACH ${sqlString(path.join(dataDir, 'system.duckdb'))} AS ${SYSTEM_CATALOG}`);
    await setup.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(defaultSchema.toUpperCase())}`);
    await setup.run(`ATTACH ':memory:' AS ${FUNCTION_CATALOG}`);
    // Statements reach DuckDB from any client: DuckDB may touch files in the data directory
    // (databases, results, spill files) and nowhere else on the host. It cannot be turned back on.
    await setup.run(`SET allowed_directories = [${sqlString(path.resolve(dataDir) + path.sep)}]`);
    await setup.run('SET enable_external_access = false');
    // That also stops the network and extension loading. DuckDB's lock_configuration is not set:
    // each statement sets its session's time zone. No client changes a setting instead: SET,
    // RESET and PRAGMA never reach DuckDB from a client (dialect/engine-only-sql.ts).
    // Functions written in TypeScript live in the instance's catalog, for every connection.
    registerVariantFunctions(setup);
    // Macro bodies are bound as they are created: the ones they call must be on the search path.
    await setup.run(searchPathWithFunctions('main'));
    await setup.run(FUNCTION_MACROS);
    const functions = await setup.runAndReadAll('SELECT DISTINCT upper(function_name) FROM duckdb_functions() WHERE internal');
    engineFunctions = new Set(functions.getRows().map(([name]) => String(name)));
  } finally {
    setup.closeSync();
  }

  const connect = () => instance.connect();
  return {
    connect,
    engineFunctions,
    async connectForQueries() {
      const connection = await connect();
      await connection.run(searchPathWithFunctions('main'));
      return connection;
    },
    async withConnection(fn) {
      const connection = await connect();
      try {
        return await fn(connection);
      } finally {
        connection.closeSync();
      }
    },
    close: () => instance.closeSync(),
  };
}
