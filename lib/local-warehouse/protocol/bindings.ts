/**
 * Decodes a query-request's positional `bindings` map, `{"1": {type, value}}` with every
 * non-null value a string. snowflake-sdk picks the type from the JS value (connection/
 * statement.js buildBindsMap): TEXT (also for Dates, as ISO text), FIXED, REAL, BOOLEAN or
 * VARIANT. Other Snowflake drivers also send DATE (milliseconds since the epoch), TIME
 * (nanoseconds since midnight), TIMESTAMP_NTZ / _LTZ (nanoseconds since the epoch),
 * TIMESTAMP_TZ ("<nanoseconds> <offset minutes + 1440>"), BINARY (hex) and ANY (for null).
 * An array value is array binding: one value per row, every position the same length.
 */
import type { BindValue, TemporalBind } from '../engine/types';
import { CODES, ProtocolError } from './errors';

function badBinding(message: string): ProtocolError {
  return new ProtocolError(CODES.BAD_BINDING, `Bind variable ${message}`, { sqlState: '42601' });
}

const INTEGER = /^[+-]?\d+$/;

function decodeFixed(key: string, value: string): number | bigint {
  if (!INTEGER.test(value)) throw badBinding(`${key} of type FIXED is not an integer: "${value}".`);
  const asNumber = Number(value);
  return Number.isSafeInteger(asNumber) ? asNumber : BigInt(value);
}

function decodeReal(key: string, value: string): number {
  const asNumber = Number(value);
  if (value.trim() === '' || Number.isNaN(asNumber)) throw badBinding(`${key} of type REAL is not a number: "${value}".`);
  return asNumber;
}

function decodeBoolean(key: string, value: string): boolean {
  const normalised = value.toLowerCase();
  if (normalised === 'true' || normalised === '1') return true;
  if (normalised === 'false' || normalised === '0') return false;
  throw badBinding(`${key} of type BOOLEAN is not true or false: "${value}".`);
}

function wholeNumber(key: string, type: string, text: string, unit: string): bigint {
  if (!INTEGER.test(text)) throw badBinding(`${key} of type ${type} is not a whole number of ${unit}: "${text}".`);
  return BigInt(text);
}

const NANOS_PER_MILLI = 1_000_000n;
const NANOS_PER_DAY = 86_400_000_000_000n;
/** Years 1 to 9999, the dates SQL literals spell with four digits. */
const FIRST_NANOS = -62_135_596_800_000n * NANOS_PER_MILLI;
const LAST_NANOS = 253_402_300_800_000n * NANOS_PER_MILLI;
const MAX_TIMEZONE_INDEX = 2880;

function epochNanos(key: string, type: TemporalBind['type'], nanos: bigint): TemporalBind {
  if (nanos < FIRST_NANOS || nanos >= LAST_NANOS) throw badBinding(`${key} of type ${type} is outside the years 1 to 9999.`);
  return { type, nanos };
}

function decodeTemporal(key: string, type: TemporalBind['type'], value: string): TemporalBind {
  const since = 'nanoseconds since 1970-01-01';
  switch (type) {
    case 'DATE':
      return epochNanos(key, type, wholeNumber(key, type, value, 'milliseconds since 1970-01-01') * NANOS_PER_MILLI);
    case 'TIME': {
      const nanos = wholeNumber(key, type, value, 'nanoseconds since midnight');
      if (nanos < 0n || nanos >= NANOS_PER_DAY) throw badBinding(`${key} of type TIME is not within a day: "${value}" nanoseconds.`);
      return { type, nanos };
    }
    case 'TIMESTAMP_TZ': {
      // The offset index is checked but not kept: the local warehouse's timestamps with a time
      // zone are instants (docs/local-warehouse.md).
      const [nanos, index, extra] = value.split(' ');
      if (extra !== undefined || index === undefined || !INTEGER.test(index) || Number(index) < 0 || Number(index) > MAX_TIMEZONE_INDEX) {
        throw badBinding(`${key} of type TIMESTAMP_TZ must be "<${since}> <offset minutes + 1440>": "${value}".`);
      }
      return epochNanos(key, type, wholeNumber(key, type, nanos, since));
    }
    default:
      return epochNanos(key, type, wholeNumber(key, type, value, since));
  }
}

function decodeBinary(key: string, value: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(value)) throw badBinding(`${key} of type BINARY is not hexadecimal: "${value}".`);
  return new Uint8Array(Buffer.from(value, 'hex'));
}

function decodeValue(key: string, type: string, value: unknown): BindValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw badBinding(`${key} must carry its value as a string; got ${typeof value}.`);
  switch (type) {
    case 'FIXED':
      return decodeFixed(key, value);
    case 'REAL':
      return decodeReal(key, value);
    case 'BOOLEAN':
      return decodeBoolean(key, value);
    // VARIANT arrives as JSON text; the engine parses it where the SQL asks for it.
    case 'TEXT':
    case 'VARIANT':
      return value;
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP_NTZ':
    case 'TIMESTAMP_LTZ':
    case 'TIMESTAMP_TZ':
      return decodeTemporal(key, type, value);
    case 'BINARY':
      return decodeBinary(key, value);
    default:
      throw badBinding(
        `${key} has type "${type}"; the local warehouse binds TEXT, FIXED, REAL, BOOLEAN, VARIANT, DATE, TIME, TIMESTAMP_NTZ, TIMESTAMP_LTZ, TIMESTAMP_TZ, BINARY and ANY (null).`,
      );
  }
}

/** Snowflake's 002099 for array binds of different lengths (a single value counts as 1). */
function checkBatchSizes(values: readonly (BindValue | BindValue[])[]): void {
  if (!values.some(Array.isArray)) return;
  const sizeOf = (value: BindValue | BindValue[]) => (Array.isArray(value) ? value.length : 1);
  const first = sizeOf(values[0]);
  const other = values.findIndex((value) => sizeOf(value) !== first);
  if (other === -1) return;
  throw new ProtocolError(
    '002099',
    `SQL compilation error: Batch size of ${sizeOf(values[other])} for bind variable ${other + 1} not the same as previous size of ${first}.`,
    { sqlState: '42601' },
  );
}

/** Positional values, `bindings["1"]` first; undefined when the request has no bindings. */
export function decodeBindings(bindings: unknown): (BindValue | BindValue[])[] | undefined {
  if (bindings === undefined || bindings === null) return undefined;
  if (typeof bindings !== 'object' || Array.isArray(bindings)) {
    throw badBinding('map "bindings" must be an object keyed "1", "2", …');
  }
  const entries = Object.entries(bindings as Record<string, unknown>);
  const values: (BindValue | BindValue[])[] = new Array(entries.length);
  for (const [key, binding] of entries) {
    const position = Number(key);
    if (!Number.isInteger(position) || position < 1 || position > entries.length) {
      throw badBinding(`key "${key}" is not a position between 1 and ${entries.length}.`);
    }
    if (typeof binding !== 'object' || binding === null) throw badBinding(`${key} must be an object {type, value}.`);
    const { type, value } = binding as { type?: unknown; value?: unknown };
    if (typeof type !== 'string') throw badBinding(`${key} has no type.`);
    const upper = type.toUpperCase();
    if (Array.isArray(value) && value.length === 0) throw badBinding(`${key} binds an empty array: array binding needs a value per row.`);
    values[position - 1] = Array.isArray(value) ? value.map((item) => decodeValue(key, upper, item)) : decodeValue(key, upper, value);
  }
  checkBatchSizes(values);
  return values;
}
