/**
 * Stored procedures in the warehouse's system database, so they outlive a restart, and in memory
 * for lookups: CALL resolves a procedure on every call. A procedure is known by its database,
 * schema, name and argument type families (procedure-types.ts): overloads are separate rows.
 */
import type { Database } from '../engine/database';
import { SYSTEM_CATALOG } from '../engine/history-schema';
import type { CreateProcedure } from './procedure-statements';
import { signatureOf } from './procedure-types';

export const PROCEDURES_TABLE = `${SYSTEM_CATALOG}.MAIN.PROCEDURES`;

export type ProcedureRecord = Omit<CreateProcedure, 'kind' | 'orReplace' | 'ifNotExists' | 'name'> & {
  database: string;
  schema: string;
  name: string;
  owner: string;
  createdMs: number;
};

/** `DB.SCHEMA.NAME(NUMBER, VARCHAR)`: one procedure among its overloads. */
export function procedureKey(database: string, schema: string, name: string, types: string[]): string {
  return `${database}.${schema}.${name}${signatureOf(types)}`;
}

export const keyOfProcedure = (procedure: ProcedureRecord) =>
  procedureKey(procedure.database, procedure.schema, procedure.name, procedure.args.map((arg) => arg.type));

export class ProcedureStore {
  private readonly byKey = new Map<string, ProcedureRecord>();
  private writes: Promise<void> = Promise.resolve();

  private constructor(private readonly database: Database) {}

  static async open(database: Database): Promise<ProcedureStore> {
    const store = new ProcedureStore(database);
    await database.withConnection(async (connection) => {
      await connection.run(`CREATE TABLE IF NOT EXISTS ${PROCEDURES_TABLE} (KEY VARCHAR PRIMARY KEY, RECORD VARCHAR)`);
      const reader = await connection.runAndReadAll(`SELECT RECORD FROM ${PROCEDURES_TABLE}`);
      for (const [record] of reader.getRows()) {
        const procedure = JSON.parse(String(record)) as ProcedureRecord;
        store.byKey.set(keyOfProcedure(procedure), procedure);
      }
    });
    return store;
  }

  get(key: string): ProcedureRecord | undefined {
    return this.byKey.get(key);
  }

  all(): ProcedureRecord[] {
    return [...this.byKey.values()];
  }

  /** Saves (or replaces) a procedure; resolves once it is written. */
  save(procedure: ProcedureRecord): Promise<void> {
    const key = keyOfProcedure(procedure);
    this.byKey.set(key, procedure);
    return this.write(async (connection) => {
      await connection.run(`DELETE FROM ${PROCEDURES_TABLE} WHERE KEY = $1`, [key]);
      await connection.run(`INSERT INTO ${PROCEDURES_TABLE} VALUES ($1, $2)`, [key, JSON.stringify(procedure)]);
    });
  }

  delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return this.writes;
    for (const key of keys) this.byKey.delete(key);
    return this.write(async (connection) => {
      for (const key of keys) await connection.run(`DELETE FROM ${PROCEDURES_TABLE} WHERE KEY = $1`, [key]);
    });
  }

  /** Writes run one at a time, in the order they were asked for. */
  private write(change: Parameters<Database['withConnection']>[0]): Promise<void> {
    const next = this.writes.then(() => this.database.withConnection(change));
    this.writes = next.then(
      () => undefined,
      () => undefined,
    );
    return next.then(() => undefined);
  }
}
