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

  it('orders values by position, whatever the key order, and decodes each wire type', () => {
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

  it('names the binding and the problem when a value does not fit its type', () => {
    const error = errorOf(() => decodeBindings({ '1': { type: 'FIXED', value: '4.2' } }));
    expect(error.code).toBe('002049');
    expect(error.httpStatus).toBe(200);
    expect(error.message).toBe('Bind variable 1 of type FIXED is not an integer: "4.2".');
    expect(errorOf(() => decodeBindings({ '1': { type: 'BOOLEAN', value: 'yes' } })).message).toContain('BOOLEAN');
    expect(errorOf(() => decodeBindings({ '1': { type: 'REAL', value: 'abc' } })).message).toContain('REAL');
  });

  it('refuses gaps in the positions, unknown types and non-object maps', () => {
    expect(errorOf(() => decodeBindings({ '1': { type: 'TEXT', value: 'a' }, '3': { type: 'TEXT', value: 'b' } })).message).toContain(
      'key "3" is not a position between 1 and 2',
    );
    expect(errorOf(() => decodeBindings({ '1': { type: 'DATE', value: '19723' } })).message).toContain('has type "DATE"');
    expect(errorOf(() => decodeBindings(['a'])).message).toContain('must be an object');
    expect(errorOf(() => decodeBindings({ '1': { value: 'a' } })).message).toBe('Bind variable 1 has no type.');
  });

  it('reports array binding (several rows per statement) as unsupported', () => {
    const error = errorOf(() => decodeBindings({ '1': { type: 'TEXT', value: ['a', 'b'] } }));
    expect(error.code).toBe('000002');
    expect(error.sqlState).toBe('0A000');
  });
});
