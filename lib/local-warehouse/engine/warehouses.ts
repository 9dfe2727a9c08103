/**
 * Snowflake warehouses on one DuckDB instance. A warehouse here is a name, its properties and a
 * MAX_CONCURRENCY_LEVEL: the most queries of sessions using it that run at once (query-queue.ts),
 * within the engine's own slots, which bound them all. Warehouses are kept in a registry table
 * in the system database, so they and their levels survive restarts.
 *
 * The default warehouse always exists (like the default database) and, until its level is set,
 * may use every slot, as the engine did before warehouses existed. A session on a warehouse
 * that was never created (a login can name any) runs in the default warehouse's slots.
 */
import type { WarehouseProperties, WarehouseStatement } from '../dialect/warehouse-statements';
import { quoteIdentifier, sqlString } from '../dialect/tokens';
import { alreadyExists, type CatalogAnswer } from './catalog';
import type { Database } from './database';
import { SYSTEM_CATALOG } from './history-schema';
import type { WarehouseLoad } from './query-queue';
import { SnowflakeQueryError, snowflakeErrors } from './snowflake-errors';
import type { QueryRecord } from './types';

const REGISTRY = `${SYSTEM_CATALOG}.MAIN.WAREHOUSES`;
/** Snowflake's default MAX_CONCURRENCY_LEVEL. */
const DEFAULT_LEVEL = 8;
/** Owner of what the warehouse creates by itself; Snowflake's account-level role. */
const SYSTEM_OWNER = 'ACCOUNTADMIN';

/** CREATE WAREHOUSE's defaults, for what a statement leaves out or UNSETs. */
const DEFAULTS: Required<Omit<WarehouseProperties, 'maxConcurrencyLevel'>> = {
  size: 'X-Small',
  type: 'STANDARD',
  autoSuspend: 600,
  autoResume: true,
  initiallySuspended: false,
  minClusterCount: 1,
  maxClusterCount: 1,
  scalingPolicy: 'STANDARD',
  comment: '',
};

interface Warehouse {
  name: string;
  createdMs: number;
  updatedMs: number;
  owner: string;
  properties: WarehouseProperties;
}

/** What the warehouses need of the engine's slots. */
export interface WarehouseSlots {
  load(warehouse: string): WarehouseLoad;
  levelsChanged(): void;
}

export class Warehouses {
  private readonly known = new Map<string, Warehouse>();

  private constructor(
    private readonly database: Database,
    private readonly slots: WarehouseSlots,
    private readonly defaultWarehouse: string,
    private readonly concurrency: number,
    private readonly now: () => number,
  ) {}

  static async open(
    database: Database,
    slots: WarehouseSlots,
    options: { defaultWarehouse: string; concurrency: number; now: () => number },
  ): Promise<Warehouses> {
    const warehouses = new Warehouses(database, slots, options.defaultWarehouse, options.concurrency, options.now);
    await database.withConnection(async (connection) => {
      await connection.run(
        `CREATE TABLE IF NOT EXISTS ${REGISTRY} (NAME VARCHAR PRIMARY KEY, CREATED_MS BIGINT, UPDATED_MS BIGINT, ` +
          `OWNER VARCHAR, PROPERTIES VARCHAR)`,
      );
      const now = options.now();
      await connection.run(`INSERT OR IGNORE INTO ${REGISTRY} VALUES (?, ?, ?, ?, '{}')`, [
        options.defaultWarehouse,
        now,
        now,
        SYSTEM_OWNER,
      ]);
      const result = await connection.run(`SELECT NAME, CREATED_MS, UPDATED_MS, OWNER, PROPERTIES FROM ${REGISTRY}`);
      for (const [name, createdMs, updatedMs, owner, properties] of await result.getRows()) {
        warehouses.known.set(String(name), {
          name: String(name),
          createdMs: Number(createdMs),
          updatedMs: Number(updatedMs),
          owner: String(owner),
          properties: JSON.parse(String(properties)) as WarehouseProperties,
        });
      }
    });
    return warehouses;
  }

  has(name: string): boolean {
    return this.known.has(name);
  }

  /** Whose slots a query of a session on `warehouse` takes. */
  slotsOf(warehouse: string): string {
    return this.has(warehouse) ? warehouse : this.defaultWarehouse;
  }

  /** MAX_CONCURRENCY_LEVEL of the warehouse whose slots are `slots` (the default's for one since dropped). */
  levelOf(slots: string): number {
    const warehouse = this.known.get(slots) ?? this.known.get(this.defaultWarehouse);
    return warehouse ? this.level(warehouse) : this.concurrency;
  }

  async run(statement: WarehouseStatement, query: QueryRecord): Promise<CatalogAnswer> {
    switch (statement.kind) {
      case 'createWarehouse':
        return this.create(statement, query);
      case 'alterWarehouse':
        return this.alter(statement);
      case 'dropWarehouse':
        return this.drop(statement.name, statement.ifExists);
      case 'showWarehouses':
        return { sql: this.showSql(statement.like, query) };
      case 'showWarehouseParameters':
        return { sql: this.parametersSql(this.require(statement.name), statement.like) };
    }
  }

  /** Snowflake makes a warehouse it creates the session's current one, as USE WAREHOUSE would. */
  private async create(
    statement: Extract<WarehouseStatement, { kind: 'createWarehouse' }>,
    query: QueryRecord,
  ): Promise<CatalogAnswer> {
    const { name } = statement;
    const kept = this.has(name) && alreadyExists(name, statement);
    if (kept) return kept;
    const now = this.now();
    await this.save({ name, createdMs: now, updatedMs: now, owner: query.role, properties: statement.properties });
    const { database, schema, role } = query;
    return { message: `Warehouse ${name} successfully created.`, final: { database, schema, warehouse: name, role } };
  }

  private async alter(statement: Extract<WarehouseStatement, { kind: 'alterWarehouse' }>): Promise<CatalogAnswer> {
    const done = { message: 'Statement executed successfully.' };
    if (!this.has(statement.name) && statement.ifExists) return done;
    const warehouse = this.require(statement.name);
    const properties: WarehouseProperties = { ...warehouse.properties, ...statement.set };
    for (const property of statement.reset) delete properties[property];
    await this.save({ ...warehouse, updatedMs: this.now(), properties });
    return done;
  }

  private async drop(name: string, ifExists: boolean): Promise<CatalogAnswer> {
    if (!this.has(name) && ifExists) return { message: `Drop statement executed successfully (${name} already dropped).` };
    this.require(name);
    if (name === this.defaultWarehouse) {
      throw new SnowflakeQueryError(
        snowflakeErrors.compilation(`Warehouse '${name}' is the local warehouse's default warehouse and cannot be dropped.`),
      );
    }
    await this.database.withConnection((connection) => connection.run(`DELETE FROM ${REGISTRY} WHERE NAME = ?`, [name]));
    this.known.delete(name);
    // Its waiting queries now wait under the default warehouse's level.
    this.slots.levelsChanged();
    return { message: `${name} successfully dropped.` };
  }

  private require(name: string): Warehouse {
    const warehouse = this.known.get(name);
    if (!warehouse) throw new SnowflakeQueryError(snowflakeErrors.warehouseNotFound(name));
    return warehouse;
  }

  private async save(warehouse: Warehouse): Promise<void> {
    await this.database.withConnection((connection) =>
      connection.run(`INSERT OR REPLACE INTO ${REGISTRY} VALUES (?, ?, ?, ?, ?)`, [
        warehouse.name,
        warehouse.createdMs,
        warehouse.updatedMs,
        warehouse.owner,
        JSON.stringify(warehouse.properties),
      ]),
    );
    this.known.set(warehouse.name, warehouse);
    this.slots.levelsChanged();
  }

  private level(warehouse: Warehouse): number {
    const fallback = warehouse.name === this.defaultWarehouse ? this.concurrency : DEFAULT_LEVEL;
    return warehouse.properties.maxConcurrencyLevel ?? fallback;
  }

  /** SHOW WAREHOUSES: Snowflake's core columns, lower-case, ordered by name; `running`/`queued` are live. */
  private showSql(like: string | null, query: QueryRecord): string {
    const rows = [...this.known.values()].map((warehouse) => {
      const properties = { ...DEFAULTS, ...warehouse.properties };
      const { running, queued } = this.slots.load(warehouse.name);
      return [
        sqlString(warehouse.name),
        `'STARTED'`,
        sqlString(properties.type),
        sqlString(properties.size),
        whole(properties.minClusterCount),
        whole(properties.maxClusterCount),
        whole(1),
        whole(running),
        whole(queued),
        sqlString(flag(warehouse.name === this.defaultWarehouse)),
        sqlString(flag(warehouse.name === query.warehouse)),
        properties.autoSuspend === null ? 'CAST(NULL AS BIGINT)' : whole(properties.autoSuspend),
        sqlString(String(properties.autoResume)),
        `'100'`,
        `'0'`,
        `'0'`,
        `'0'`,
        timestamp(warehouse.createdMs),
        timestamp(warehouse.createdMs),
        timestamp(warehouse.updatedMs),
        sqlString(warehouse.owner),
        sqlString(properties.comment),
        `'false'`,
        whole(8),
        `'null'`,
        sqlString(properties.scalingPolicy),
      ];
    });
    return valuesSql(SHOW_WAREHOUSES_COLUMNS, rows, like);
  }

  /** SHOW PARAMETERS IN WAREHOUSE: the one warehouse parameter the local warehouse keeps. */
  private parametersSql(warehouse: Warehouse, like: string | null): string {
    const set = warehouse.properties.maxConcurrencyLevel !== undefined;
    const row = [
      `'MAX_CONCURRENCY_LEVEL'`,
      sqlString(String(this.level(warehouse))),
      sqlString(String(DEFAULT_LEVEL)),
      sqlString(set ? 'WAREHOUSE' : ''),
      `'Maximum number of queries of sessions using the warehouse that run at once; more wait queued.'`,
      `'NUMBER'`,
    ];
    return valuesSql(['key', 'value', 'default', 'level', 'description', 'type'], [row], like);
  }
}

const SHOW_WAREHOUSES_COLUMNS = [
  'name', 'state', 'type', 'size', 'min_cluster_count', 'max_cluster_count', 'started_clusters', 'running', 'queued',
  'is_default', 'is_current', 'auto_suspend', 'auto_resume', 'available', 'provisioning', 'quiescing', 'other',
  'created_on', 'resumed_on', 'updated_on', 'owner', 'comment', 'enable_query_acceleration',
  'query_acceleration_max_scale_factor', 'resource_monitor', 'scaling_policy',
];

/** Rows of SQL literals as a query; LIKE filters the first column, ignoring case as Snowflake does. */
function valuesSql(columns: string[], rows: string[][], like: string | null): string {
  const names = columns.map(quoteIdentifier);
  const where = like === null ? '' : ` WHERE ${names[0]} ILIKE ${sqlString(like)}`;
  const values = rows.map((row) => `(${row.join(', ')})`).join(', ');
  return `SELECT * FROM (VALUES ${values}) AS W(${names.join(', ')})${where} ORDER BY ${names[0]}`;
}

function whole(value: number): string {
  return `CAST(${value} AS BIGINT)`;
}

function timestamp(ms: number): string {
  return `TO_TIMESTAMP(${ms} / 1000)`;
}

function flag(value: boolean): string {
  return value ? 'Y' : 'N';
}
