import 'server-only';
/**
 * Reading a succeeded query's result by its query id: a first page for the detail page, or the
 * whole of it as a stream for a CSV download. Every cell comes as the text the warehouse formats
 * it to, so nothing is reinterpreted on the way.
 */
import type { ResultColumn, ResultPage } from '@/lib/domain/job';
import { READ_TIMEOUT_MS, type Borrow } from './borrow';
import { snowflakeTypeName } from './column-type';
import { batchesOf, resultStreamOf, rowsOf, type ResultStream } from './result-stream';
import type { Connection, Statement } from './sdk';

/** Rows a result stream hands over at a time. */
const ROW_BATCH = 1_000;

/** Every cell as the text the warehouse formats it to. */
const AS_TEXT = ['String', 'Boolean', 'Number', 'Date', 'JSON', 'Buffer'] as const;

function columnsOf(statement: Statement): ResultColumn[] {
  return (statement.getColumns() ?? []).map((column) => ({
    name: column.getName(),
    type: snowflakeTypeName({ type: column.getType(), precision: column.getPrecision(), scale: column.getScale() }),
    nullable: column.isNullable(),
  }));
}

/** Locates a succeeded query's result; resolves once its columns and row count are known. */
function fetchResult(connection: Connection, queryId: string): Promise<Statement> {
  return new Promise((resolve, reject) => {
    connection
      .getResultsFromQueryId({
        queryId,
        streamResult: true,
        rowMode: 'array',
        fetchAsString: [...AS_TEXT],
        complete: (error, statement) => (error ? reject(error) : resolve(statement as Statement)),
      })
      .catch(reject);
  });
}

export function resultCalls(use: Borrow) {
  return {
    /** The first `limit` rows of a succeeded query's result, with column types. */
    resultPage(queryId: string, limit: number): Promise<ResultPage> {
      return use('the result request', READ_TIMEOUT_MS, async (connection) => {
        const statement = await fetchResult(connection, queryId);
        const total = statement.getNumRows();
        const rows: (string | null)[][] = [];
        const end = Math.min(limit, total) - 1;
        if (end >= 0) for await (const row of rowsOf(statement.streamRows({ start: 0, end }))) rows.push(row);
        return { columns: columnsOf(statement), rows, total };
      });
    },

    /**
     * A succeeded query's whole result as a row stream (for CSV). The connection goes back to the
     * pool once the result is located; reading on through it from other calls is safe.
     */
    streamResultRows(queryId: string): Promise<ResultStream> {
      return use('the result request', READ_TIMEOUT_MS, async (connection) => {
        const statement = await fetchResult(connection, queryId);
        return resultStreamOf(columnsOf(statement), { [Symbol.asyncIterator]: () => batchesOf(statement.streamRows(), ROW_BATCH) });
      });
    },
  };
}
