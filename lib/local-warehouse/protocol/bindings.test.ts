import { describe, expect, it } from 'vitest';
import { decodeBindings } from './bindings';
import { ProtocolError } from './errors';

function errorOf(run: () => unknown): ProtocolError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
  throw new Error('expected a ProtocolError');
}

describe('decodeBindings', () => {
  it('returns undefined when the request has no bindings', () => {
    expect(decodeBindings(undefined)).toBeUndefined();
    expect(decodeBindings(null)).toBeUndefined();
  });

  it("orders values by position, whatever the key order, and decodes snowflake-sdk's types", () => {
    const values = decodeBindings({
      '3': { type: 'REAL', value: '2.5' },
      '1': { type: 'TEXT', value: 'hello' },
      '2': { type: 'FIXED', value: '42' },
      '4': { type: 'BOOLEAN', value: 'true' },
      '5': { type: 'VARIANT', value: '{"a":1}' },
      '6': { type: 'TEXT', value: null },
      '7': { type: 'FIXED', value: '12345678901234567890' },
    });
    expect(values).toEqual(['hello', 42, 2.5, true, '{"a":1}', null, 12345678901234567890n]);
  });

  it("decodes the typed binds other drivers send: dates, times, timestamps, binary and ANY's null", () => {
    const values = decodeBindings({
      '1': { type: 'DATE', value: '1704153600000' },
      '2': { type: 'TIME', value: '36672500000000' },
      '3': { type: 'TIMESTAMP_NTZ', value: '1704164645123456789' },
      '4': { type: 'TIMESTAMP_LTZ', value: '-1' },
      '5': { type: 'TIMESTAMP_TZ', value: '1704164645000000000 1560' },
      '6': { type: 'BINARY', value: '01ab' },
      '7': { type: 'ANY', value: null },
    });
    expect(values).toEqual([
      { type: 'DATE', nanos: 1_704_153_600_000_000_000n },
      { type: 'TIME', nanos: 36_672_500_000_000n },
      { type: 'TIMESTAMP_NTZ', nanos: 1_704_164_645_123_456_789n },
      { type: 'TIMESTAMP_LTZ', nanos: -1n },
      { type: 'TIMESTAMP_TZ', nanos: 1_704_164_645_000_000_000n },
      new Uint8Array([1, 171]),
      null,
    ]);
  });

  it('names the binding and the problem when a value does not fit its type', () => {
    const error = errorOf(() => decodeBindings({ '1': { type: 'FIXED', value: '4.2' } }));
    expect(error.code).toBe('002049');
    expect(error.httpStatus).toBe(200);
    expect(error.message).toBe('Bind variable 1 of type FIXED is not an integer: "4.2".');
    const messages = [
      { type: 'BOOLEAN', value: 'yes' },
      { type: 'REAL', value: 'abc' },
      { type: 'BINARY', value: '0g' },
      { type: 'DATE', value: '2024-01-01' },
      { type: 'TIME', value: '86400000000000' },
      { type: 'TIMESTAMP_TZ', value: '1704164645000000000' },
      { type: 'TIMESTAMP_NTZ', value: '253402300800000000000' },
    ].map((binding) => errorOf(() => decodeBindings({ '1': binding })).message);
    expect(messages).toEqual([
      'Bind variable 1 of type BOOLEAN is not true or false: "yes".',
      'Bind variable 1 of type REAL is not a number: "abc".',
      'Bind variable 1 of type BINARY is not hexadecimal: "0g".',
      'Bind variable 1 of type DATE is not a whole number of milliseconds since 1970-01-01: "2024-01-01".',
      'Bind variable 1 of type TIME is not within a day: "86400000000000" nanoseconds.',
      'Bind variable 1 of type TIMESTAMP_TZ must be "<nanoseconds since 1970-01-01> <offset minutes + 1440>": "1704164645000000000".',
      'Bind variable 1 of type TIMESTAMP_NTZ is outside the years 1 to 9999.',
    ]);
  });

  it('refuses gaps in the positions, unknown types and non-object maps', () => {
    expect(errorOf(() => decodeBindings({ '1': { type: 'TEXT', value: 'a' }, '3': { type: 'TEXT', value: 'b' } })).message).toContain(
      'key "3" is not a position between 1 and 2',
    );
    expect(errorOf(() => decodeBindings({ '1': { type: 'GEOGRAPHY', value: 'x' } })).message).toContain('has type "GEOGRAPHY"');
    expect(errorOf(() => decodeBindings(['a'])).message).toContain('must be an object');
    expect(errorOf(() => decodeBindings({ '1': { value: 'a' } })).message).toBe('Bind variable 1 has no type.');
  });

  it('decodes array binding as one array of values per position', () => {
    const values = decodeBindings({ '1': { type: 'FIXED', value: ['1', '2'] }, '2': { type: 'TEXT', value: ['a', null] } });
    expect(values).toEqual([
      [1, 2],
      ['a', null],
    ]);
  });

  it("answers array binds of different lengths with Snowflake's 002099, and refuses empty ones", () => {
    const error = errorOf(() =>
      decodeBindings({ '1': { type: 'FIXED', value: ['1', '2'] }, '2': { type: 'FIXED', value: '3' } }),
    );
    expect(error).toMatchObject({ code: '002099', sqlState: '42601', httpStatus: 200 });
    expect(error.message).toBe('SQL compilation error: Batch size of 1 for bind variable 2 not the same as previous size of 2.');
    expect(errorOf(() => decodeBindings({ '1': { type: 'FIXED', value: [] } })).message).toContain('binds an empty array');
  });
});
