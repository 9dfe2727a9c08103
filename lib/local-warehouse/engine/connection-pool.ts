/**
 * Connections for user statements, reused between queries (each carries the Snowflake function macros).
 * A connection whose statement was interrupted is closed rather than reused, so a late
 * interrupt can never land on the next query.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from './database';

export class ConnectionPool {
  private idle: DuckDBConnection[] = [];

  constructor(
    private readonly database: Database,
    private readonly maxIdle: number,
  ) {}

  async acquire(): Promise<DuckDBConnection> {
    return this.idle.pop() ?? (await this.database.connectForQueries());
  }

  release(connection: DuckDBConnection, reusable: boolean): void {
    if (reusable && this.idle.length < this.maxIdle) this.idle.push(connection);
    else connection.closeSync();
  }

  /** Closes the idle connections; the pool opens new ones as needed. */
  closeIdle(): void {
    for (const connection of this.idle) connection.closeSync();
    this.idle = [];
  }
}
