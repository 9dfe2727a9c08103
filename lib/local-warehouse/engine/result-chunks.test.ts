import { describe, expect, it } from 'vitest';
import { bytesPerRow, chunkLayout, INLINE_BYTES, inlineRows, jsonBytes, SAMPLE_ROWS, sampleOffsets } from './result-chunks';
import type { WireCell } from './types';

/** Pages of `count` rows `["<i>", "<filler>"]`, recording how many pages were read. */
function pagesOf(count: number, filler: string, pageSize = 100) {
  const read = { pages: 0 };
  async function* pages(): AsyncGenerator<WireCell[][]> {
    for (let start = 0; start < count; start += pageSize) {
      read.pages += 1;
      yield Array.from({ length: Math.min(pageSize, count - start) }, (_, i) => [String(start + i), filler]);
    }
  }
  return { pages: pages(), read };
}

describe('inlineRows', () => {
  it('takes rows up to the inline budget and stops reading there', async () => {
    const filler = 'x'.repeat(90);
    const { pages, read } = pagesOf(100_000, filler);
    const rows = await inlineRows(pages);
    expect(jsonBytes(rows)).toBeLessThanOrEqual(INLINE_BYTES);
    expect(jsonBytes([...rows, [String(rows.length), filler]])).toBeGreaterThan(INLINE_BYTES);
    expect(rows[0]).toEqual(['0', filler]);
    expect(read.pages).toBe(Math.ceil((rows.length + 1) / 100));
  });

  it('takes every row of a small result, and at least one row however large', async () => {
    expect(await inlineRows(pagesOf(3, 'a').pages)).toHaveLength(3);
    expect(await inlineRows(pagesOf(0, 'a').pages)).toHaveLength(0);
    expect(await inlineRows(pagesOf(5, 'y'.repeat(INLINE_BYTES * 2), 1).pages)).toHaveLength(1);
  });
});

describe('row size estimate', () => {
  it('counts a row with its comma, as in a rowset', () => {
    expect(jsonBytes([['1', null]])).toBe('["1",null],'.length);
  });

  it('samples the middle and the end of the rows after the inline ones', () => {
    expect(sampleOffsets(4_000, 5_000_000)).toEqual([2_502_000, 5_000_000 - SAMPLE_ROWS]);
    expect(sampleOffsets(10, 300)).toEqual([155, 10]);
    expect(sampleOffsets(10, 10)).toEqual([]);
  });

  it('takes the widest sample, so rows that widen along the result do not overfill the chunks', () => {
    expect(bytesPerRow([[['1']], [['12345']], []])).toBe('["12345"],'.length);
    expect(bytesPerRow([[]])).toBe(1);
  });
});

describe('chunkLayout', () => {
  it('covers the rows after the inline ones exactly, each chunk twice the last up to 16 MiB', () => {
    const chunks = chunkLayout(4_500, 5_000_000, 23);
    expect(chunks[0]).toMatchObject({ offset: 4_500, rowCount: Math.floor((2 * INLINE_BYTES) / 23) });
    expect(chunks[1].rowCount).toBe(Math.floor((4 * INLINE_BYTES) / 23));
    for (let i = 1; i < chunks.length; i += 1) expect(chunks[i].offset).toBe(chunks[i - 1].offset + chunks[i - 1].rowCount);
    const last = chunks[chunks.length - 1];
    expect(last.offset + last.rowCount).toBe(5_000_000);
    const sizes = chunks.map((chunk) => chunk.uncompressedSize);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(16 * 1024 * 1024);
    expect(sizes.filter((size) => size > 16 * 1024 * 1024 - 23)).not.toHaveLength(0);
  });

  it('describes nothing when every row is inline, and one row per chunk when rows are huge', () => {
    expect(chunkLayout(10, 10, 50)).toEqual([]);
    expect(chunkLayout(1, 3, 40 * 1024 * 1024).map((chunk) => chunk.rowCount)).toEqual([1, 1]);
  });
});
