/**
 * A child query's stored result as a script reads it: the wire cells (result-encoding.ts) become
 * ScriptValues with Snowflake's type names. (The way back, a value as SQL, is ./script-values.ts.)
 */
import type { RowType, WireCell } from '../engine/types';
import type { ScriptValue } from './host';

/** Snowflake's name for a result column's type. */
export function typeName(column: RowType): string {
  switch (column.type) {
    case 'fixed':
      return `NUMBER(${column.precision ?? 38},${column.scale ?? 0})`;
    case 'real':
      return 'FLOAT';
    case 'text':
      return 'VARCHAR';
    case 'time':
      return `TIME(${column.scale ?? 9})`;
    case 'timestamp_ntz':
    case 'timestamp_ltz':
    case 'timestamp_tz':
      return `${column.type.toUpperCase()}(${column.scale ?? 9})`;
    default:
      return column.type.toUpperCase();
  }
}

const MS_PER_DAY = 86_400_000;

/** "<seconds>.<nanos>" since the epoch (or midnight) → "YYYY-MM-DD HH:MM:SS.fffffffff" (UTC). */
function timestampText(cell: string): string {
  const [seconds, fraction = '0'] = cell.split('.');
  const date = new Date(Number(seconds) * 1000);
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}.${fraction.padEnd(9, '0')}`;
}

function cellValue(cell: string, column: RowType): ScriptValue['value'] {
  switch (column.type) {
    case 'fixed': {
      if ((column.scale ?? 0) > 0) return Number(cell);
      const whole = Number(cell);
      // Beyond 2^53 a number would lose digits; the text keeps them.
      return Number.isSafeInteger(whole) ? whole : cell;
    }
    case 'real':
      return Number(cell);
    case 'boolean':
      return cell === '1';
    case 'date':
      return new Date(Number(cell) * MS_PER_DAY).toISOString().slice(0, 10);
    case 'time':
      return timestampText(cell).slice(11);
    case 'timestamp_ntz':
    case 'timestamp_ltz':
    case 'timestamp_tz':
      return timestampText(cell);
    case 'variant':
    case 'object':
    case 'array':
      return JSON.parse(cell) as object;
    default:
      return cell;
  }
}

export function scriptValue(cell: WireCell, column: RowType): ScriptValue {
  return { value: cell === null ? null : cellValue(cell, column), type: typeName(column) };
}
