/**
 * How a result is split for the wire, as Snowflake splits it: the first rows inline in the
 * answer's `rowset`, the rest in chunks the client fetches one by one, growing geometrically
 * (Snowflake's grow from about a hundred rows to tens of thousands; the largest observed are
 * about 16 MB of JSON). The split is made without reading the result whole: the chunks' row
 * counts come from the average size of the inline rows and of a few hundred rows sampled from
 * the middle and the end (the largest of those averages, since rows often widen along a
 * result: growing ids, later dates).
 */
import type { ResultChunk, WireCell } from './types';

/** JSON bytes sent inline, at least one row. */
export const INLINE_BYTES = 100 * 1024;
const FIRST_CHUNK_BYTES = 2 * INLINE_BYTES;
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;

/** Rows read at each sampling point. */
export const SAMPLE_ROWS = 500;

/** JSON bytes of rows in a rowset or a chunk body (each row and its comma). */
export function jsonBytes(rows: readonly WireCell[][]): number {
  return rows.reduce((bytes, row) => bytes + JSON.stringify(row).length + 1, 0);
}

/** Where to sample row sizes in rows [start, total): the middle, and the last SAMPLE_ROWS. */
export function sampleOffsets(start: number, total: number): number[] {
  if (start >= total) return [];
  return [...new Set([start + Math.floor((total - start) / 2), Math.max(start, total - SAMPLE_ROWS)])];
}

/** The largest average row size among the given samples (1 byte when all are empty). */
export function bytesPerRow(samples: readonly WireCell[][][]): number {
  return Math.max(1, ...samples.filter((rows) => rows.length > 0).map((rows) => jsonBytes(rows) / rows.length));
}

/** The first rows of `pages` up to INLINE_BYTES of JSON (at least one row); stops reading there. */
export async function inlineRows(pages: AsyncIterable<WireCell[][]>): Promise<WireCell[][]> {
  const rows: WireCell[][] = [];
  let bytes = 0;
  for await (const page of pages) {
    for (const row of page) {
      const size = jsonBytes([row]);
      if (rows.length > 0 && bytes + size > INLINE_BYTES) return rows;
      rows.push(row);
      bytes += size;
    }
  }
  return rows;
}

/** Chunks for rows [start, total), sized from `rowBytes`, each twice the last up to the cap. */
export function chunkLayout(start: number, total: number, rowBytes: number): ResultChunk[] {
  const chunks: ResultChunk[] = [];
  const perRow = Math.max(1, rowBytes);
  let target = FIRST_CHUNK_BYTES;
  for (let offset = start; offset < total; ) {
    const rowCount = Math.min(total - offset, Math.max(1, Math.floor(target / perRow)));
    chunks.push({ offset, rowCount, uncompressedSize: Math.round(rowCount * perRow) });
    offset += rowCount;
    target = Math.min(MAX_CHUNK_BYTES, target * 2);
  }
  return chunks;
}
