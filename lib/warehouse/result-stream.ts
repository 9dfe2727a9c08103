/**
 * A query result as the dashboard reads it: its columns, and its rows as text cells, a batch at
 * a time or one at a time, from the driver's row stream.
 */
import type { Readable } from 'node:stream';
import type { ResultColumn } from '@/lib/domain/job';

export interface ResultStream {
  columns: ResultColumn[];
  /** The rows a batch at a time (how a download reads them); each iteration reads the result anew. */
  batches: AsyncIterable<(string | null)[][]>;
  /** The same rows one at a time. */
  rows: AsyncIterable<(string | null)[]>;
}

/** A result stream over its batches, with the row-at-a-time view of them. */
export function resultStreamOf(columns: ResultColumn[], batches: AsyncIterable<(string | null)[][]>): ResultStream {
  const rows = {
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches) yield* batch;
    },
  };
  return { columns, batches, rows };
}

/** A row from the driver (array mode, cells fetched as text) with SQL NULL as null. */
function cells(row: unknown): (string | null)[] {
  return (row as unknown[]).map((cell) => (cell === null || cell === undefined ? null : String(cell)));
}

/** The stream's rows one at a time. */
export async function* rowsOf(stream: Readable): AsyncIterable<(string | null)[]> {
  for await (const row of stream) yield cells(row);
}

/**
 * The stream's rows in batches of up to `size`. Flowing, the driver hands over a result chunk's
 * rows in one synchronous run of 'data' events instead of one await per row; the stream is
 * paused while a full batch waits to be taken, so a slow reader holds back the reading.
 */
export async function* batchesOf(stream: Readable, size: number): AsyncGenerator<(string | null)[][]> {
  let batch: (string | null)[][] = [];
  let ended = false;
  // Set from the stream's handlers; typed wide so the loop below does not narrow it to null.
  let failure = null as { error: unknown } | null;
  let wake = () => {};
  stream.on('data', (row: unknown) => {
    batch.push(cells(row));
    if (batch.length >= size) {
      stream.pause();
      wake();
    }
  });
  stream.once('end', () => {
    ended = true;
    wake();
  });
  stream.once('error', (error: unknown) => {
    failure = { error };
    wake();
  });
  try {
    for (;;) {
      if (failure) throw failure.error;
      if (batch.length >= size || (ended && batch.length > 0)) {
        const full = batch;
        batch = [];
        yield full;
        stream.resume();
      } else if (ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    // Also when the reader stops early (a download abandoned): the driver stops fetching chunks.
    stream.destroy();
  }
}
