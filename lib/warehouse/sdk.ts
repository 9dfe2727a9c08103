/**
 * Promise wrappers over snowflake-sdk's callback API (the driver has no promise `execute`:
 * https://docs.snowflake.com/en/developer-guide/node-js/nodejs-driver-execute). No policy lives here: pooling, tagging and
 * status mapping belong to the modules that call these.
 */
import './quiet-aws-warning';
import snowflake from 'snowflake-sdk';

export type Connection = snowflake.Connection;
export type ConnectionOptions = snowflake.ConnectionOptions;
export type Statement = snowflake.RowStatement;
export type Row = Record<string, unknown> | unknown[];
export type Binds = snowflake.Binds;

let configured = false;

const ignore = () => {};

/**
 * The driver's own logger writes `snowflake.log` into the working directory; its errors go to
 * stderr instead (callers also get them as thrown errors), and the rest is dropped.
 */
export function configureDriver(): void {
  if (configured) return;
  snowflake.configure({
    logLevel: 'ERROR',
    disableOCSPChecks: true,
    customLogger: {
      error: (message: string) => console.error(`snowflake-sdk: ${message}`),
      warn: ignore,
      info: ignore,
      debug: ignore,
      trace: ignore,
    },
  });
  configured = true;
}

/**
 * Logs in. The callback form, because snowflake-sdk 3.3's `connectAsync()` without a callback
 * resolves even when the login is refused, leaving a dead connection whose next call fails with
 * "Unable to perform operation using terminated connection" instead of the login's error.
 */
export function connect(options: ConnectionOptions): Promise<Connection> {
  configureDriver();
  const connection = snowflake.createConnection(options);
  return new Promise((resolve, reject) => {
    connection.connect((error) => (error ? reject(error) : resolve(connection)));
  });
}

export function destroy(connection: Connection): Promise<void> {
  return new Promise((resolve) => connection.destroy(() => resolve()));
}

export interface ExecuteOptions {
  binds?: Binds;
  parameters?: Record<string, unknown>;
  requestId?: string;
  rowMode?: 'array' | 'object';
}

export interface ExecuteResult<R = Row> {
  statement: Statement;
  rows: R[];
}

/** Runs a statement synchronously (the driver polls 333333 answers until the result is in). */
export function execute<R = Row>(
  connection: Connection,
  sqlText: string,
  options: ExecuteOptions = {},
): Promise<ExecuteResult<R>> {
  return new Promise((resolve, reject) => {
    connection.execute({
      sqlText,
      binds: options.binds,
      parameters: options.parameters,
      requestId: options.requestId,
      rowMode: options.rowMode,
      complete: (error, statement, rows) => {
        if (error) reject(error);
        else resolve({ statement, rows: (rows ?? []) as R[] });
      },
    });
  });
}

/**
 * Submits a statement with `asyncExec` and resolves with its query id as soon as the warehouse
 * has accepted it (answer 333334), without waiting for it to run.
 */
export function submitAsync(
  connection: Connection,
  sqlText: string,
  options: Omit<ExecuteOptions, 'rowMode'> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const statement = connection.execute({
      sqlText,
      asyncExec: true,
      binds: options.binds,
      parameters: options.parameters,
      requestId: options.requestId,
      complete: (error, stmt) => {
        if (error) return reject(error);
        const queryId = stmt.getQueryId() ?? statement.getQueryId();
        if (!queryId) reject(new Error('The warehouse accepted the statement but returned no query id.'));
        else resolve(queryId);
      },
    });
  });
}

export function cancelStatement(statement: Statement): Promise<void> {
  return new Promise((resolve, reject) => {
    statement.cancel((error) => (error ? reject(error) : resolve()));
  });
}
