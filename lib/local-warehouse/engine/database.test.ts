/**
 * The DuckDB instance behind the local warehouse touches files in its data directory only, and
 * neither the network nor extensions: a statement that slipped past the dialect still cannot read
 * or write the host's files, fetch a URL or load code.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database';

let dataDir: string;
let database: Database;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'flurry-database-'));
  database = await openDatabase(dataDir, 'FLURRY', 'PUBLIC');
});

afterAll(async () => {
  database.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the warehouse database', () => {
  it.each([
    "SELECT * FROM read_csv('/etc/passwd')",
    `COPY (SELECT 1) TO '${path.join(tmpdir(), 'flurry-escape.csv')}'`,
    `ATTACH '${path.join(tmpdir(), 'flurry-escape.duckdb')}' AS ESCAPE`,
    'SET enable_external_access = true',
    "SELECT * FROM read_parquet('https://example.com/data.parquet')",
    'INSTALL httpfs',
    'LOAD httpfs',
  ])('refuses %s', async (sql) => {
    const connection = await database.connectForQueries();
    try {
      await expect(connection.run(sql)).rejects.toThrow();
    } finally {
      connection.closeSync();
    }
  });

  it('still writes and reads files in its data directory', async () => {
    const file = path.join(dataDir, 'results-probe.parquet');
    await database.withConnection(async (connection) => {
      await connection.run(`COPY (SELECT 42 AS answer) TO '${file}' (FORMAT parquet)`);
      const read = await connection.runAndReadAll(`SELECT answer FROM read_parquet('${file}')`);
      expect(read.getRows()).toEqual([[42]]);
    });
  });

  it('knows DuckDB\'s own function names, for refusing calls Snowflake does not have', () => {
    expect(database.engineFunctions.has('LIST_VALUE')).toBe(true);
    expect(database.engineFunctions.has('IFF')).toBe(false);
  });
});
