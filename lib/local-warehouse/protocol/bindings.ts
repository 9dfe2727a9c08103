/**
 * Decodes a query-request's positional `bindings` map. snowflake-sdk sends
 * `{"1": {type, value}}` with every non-null value already a string and the type picked from
 * the JS value (connection/statement.js buildBindsMap): TEXT, FIXED, REAL, BOOLEAN or VARIANT.
 */
import { CODES, ProtocolError, unsupported } from './errors';

function badBinding(message: string): ProtocolError {
  return new ProtocolError(CODES.BAD_BINDING, `Bind variable ${message}`, { sqlState: '42601' });
}

function decodeFixed(key: string, value: string): number | bigint {
  if (!/^[+-]?\d+$/.test(value)) throw badBinding(`${key} of type FIXED is not an integer: "${value}".`);
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

function decodeValue(key: string, type: string, value: string): unknown {
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
    default:
      throw badBinding(`${key} has type "${type}"; the local warehouse binds TEXT, FIXED, REAL, BOOLEAN and VARIANT.`);
  }
}

/** Positional values, `bindings["1"]` first; undefined when the request has no bindings. */
export function decodeBindings(bindings: unknown): unknown[] | undefined {
  if (bindings === undefined || bindings === null) return undefined;
  if (typeof bindings !== 'object' || Array.isArray(bindings)) {
    throw badBinding('map "bindings" must be an object keyed "1", "2", …');
  }
  const entries = Object.entries(bindings as Record<string, unknown>);
  const values: unknown[] = new Array(entries.length);
  for (const [key, binding] of entries) {
    const position = Number(key);
    if (!Number.isInteger(position) || position < 1 || position > entries.length) {
      throw badBinding(`key "${key}" is not a position between 1 and ${entries.length}.`);
    }
    if (typeof binding !== 'object' || binding === null) throw badBinding(`${key} must be an object {type, value}.`);
    const { type, value } = binding as { type?: unknown; value?: unknown };
    if (typeof type !== 'string') throw badBinding(`${key} has no type.`);
    if (Array.isArray(value)) throw unsupported('array binding (several rows per statement)');
    if (value === null || value === undefined) values[position - 1] = null;
    else if (typeof value !== 'string') throw badBinding(`${key} must carry its value as a string; got ${typeof value}.`);
    else values[position - 1] = decodeValue(key, type.toUpperCase(), value);
  }
  return values;
}
