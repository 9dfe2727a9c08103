import { createHash } from 'node:crypto';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { SHA2_MACROS } from './sha2';

describe('SHA2 macros', () => {
  it('give the FIPS 180-4 digests node:crypto gives, across block boundaries and multi-byte text', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(SHA2_MACROS.join(';\n'));
      // 55/56 and 111/112 bytes are where the length stops fitting in the last block.
      const messages = ['', 'abc', 'Snowflake', 'x'.repeat(55), 'x'.repeat(56), 'y'.repeat(111), 'y'.repeat(112), 'z'.repeat(300), 'święta ❄'];
      for (const size of [224, 256, 384, 512]) {
        const values = messages.map((m, i) => `(${i}, '${m.replace(/'/g, "''")}')`).join(', ');
        const reader = await connection.runAndReadAll(`SELECT SHA2(m, ${size}) FROM (VALUES ${values}) t(i, m) ORDER BY i`);
        const expected = messages.map((m) => [createHash(`sha${size}`).update(m, 'utf8').digest('hex')]);
        expect(reader.getRows(), `SHA-${size}`).toEqual(expected);
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
