import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { batchesOf, resultStreamOf, rowsOf } from './result-stream';

/** The driver's row stream in array mode: cells as text, SQL NULL as null. */
function driverRows(count: number): Readable {
  return Readable.from(Array.from({ length: count }, (_, i) => [String(i), i % 2 === 0 ? null : 'x']));
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('a result stream', () => {
  it('reads the rows one at a time, with null for SQL NULL', async () => {
    expect(await collect(rowsOf(Readable.from([[1, undefined], ['a', null]])))).toEqual([
      ['1', null],
      ['a', null],
    ]);
  });

  it('hands over full batches, then the rest', async () => {
    const batches = await collect(batchesOf(driverRows(7), 3));
    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 1]);
    expect(batches.flat()[6]).toEqual(['6', null]);
  });

  it('hands over nothing for an empty result', async () => {
    expect(await collect(batchesOf(driverRows(0), 3))).toEqual([]);
  });

  it('fails the reader with the stream’s error', async () => {
    const failing = new Readable({
      objectMode: true,
      read() {
        this.push(['1']);
        this.destroy(new Error('chunk download failed'));
      },
    });
    await expect(collect(batchesOf(failing, 10))).rejects.toThrow('chunk download failed');
  });

  it('stops the stream when the reader stops early', async () => {
    const stream = driverRows(10);
    for await (const batch of batchesOf(stream, 2)) {
      expect(batch).toHaveLength(2);
      break;
    }
    expect(stream.destroyed).toBe(true);
  });

  it('offers the batches row by row as well', async () => {
    const stream = resultStreamOf([{ name: 'N', type: 'NUMBER(38,0)', nullable: false }], {
      [Symbol.asyncIterator]: () => batchesOf(driverRows(5), 2),
    });
    expect((await collect(stream.rows)).map((row) => row[0])).toEqual(['0', '1', '2', '3', '4']);
  });
});
