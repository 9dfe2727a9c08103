/**
 * A Snowflake Scripting variable's value written back into SQL. The interpreter binds variables
 * by replacing each reference with a literal of its value (an expression for host.evaluate, or a
 * statement for host.start), so a value never becomes SQL: strings are quoted, and every literal
 * that is more than one token is parenthesised (`x - (-5)` must not become the comment `x--5`).
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/variables
 */
import type { ScriptValue } from './host';

export const NULL_VALUE: ScriptValue = { value: null, type: 'VARCHAR' };

export function textValue(text: string | null): ScriptValue {
  return { value: text, type: 'VARCHAR' };
}

export function numberValue(n: number | null): ScriptValue {
  return { value: n, type: 'NUMBER(38,0)' };
}

export function booleanValue(b: boolean | null): ScriptValue {
  return { value: b, type: 'BOOLEAN' };
}

/**
 * A '…' literal. Backslashes and NULs are spelled CHR(92) and CHR(0): Snowflake reads `\` in a
 * string as an escape, and no later rewrite of the statement may read it differently.
 */
export function textLiteral(text: string): string {
  const quoted = (piece: string) => `'${piece.replace(/'/g, "''")}'`;
  if (!/[\\\0]/.test(text)) return quoted(text);
  const pieces = text
    .split(/([\\\0])/)
    .filter((piece) => piece !== '')
    .map((piece) => (piece === '\\' ? 'CHR(92)' : piece === '\0' ? 'CHR(0)' : quoted(piece)));
  return `(${pieces.join(' || ')})`;
}

/** The type's name without its arguments, upper-case: `NUMBER(38, 2)` → `NUMBER`. */
function baseType(type: string): string {
  return type.replace(/\(.*$/s, '').trim().toUpperCase();
}

/** The scale of a NUMBER(p,s) type name; 0 when it has none. */
function scaleOf(type: string): number {
  const match = /\(\s*\d+\s*,\s*(\d+)\s*\)/.exec(type);
  return match ? Number(match[1]) : 0;
}

const INTEGER_BASES = new Set(['NUMBER', 'DECIMAL', 'NUMERIC', 'INT', 'INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT', 'BYTEINT']);
const TEXT_BASES = new Set(['VARCHAR', 'STRING', 'TEXT', 'CHAR', 'CHARACTER', 'NCHAR', 'NVARCHAR']);
const SEMI_STRUCTURED = new Set(['VARIANT', 'OBJECT', 'ARRAY']);

/** The value as a SQL literal of its Snowflake type. */
export function sqlLiteral({ value, type }: ScriptValue): string {
  const base = baseType(type);
  if (value === null) return `CAST(NULL AS ${type})`;
  if (SEMI_STRUCTURED.has(base)) {
    const parsed = `PARSE_JSON(${textLiteral(JSON.stringify(value))})`;
    return base === 'VARIANT' ? parsed : `(${parsed}::${base})`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (TEXT_BASES.has(base)) return textLiteral(text);
  if (INTEGER_BASES.has(base) && scaleOf(type) === 0 && /^-?\d+$/.test(text)) {
    return text.startsWith('-') ? `(${text})` : text;
  }
  return `CAST(${textLiteral(text)} AS ${type})`;
}

/** Whether a condition's value lets a branch or loop run: TRUE only (NULL and FALSE do not). */
export function isTrue(value: ScriptValue): boolean {
  if (typeof value.value === 'string') return value.value.toUpperCase() === 'TRUE';
  if (typeof value.value === 'number') return value.value !== 0;
  return value.value === true;
}

/** A FOR bound as an integer, or null when the value is not a number. */
export function integerOf(value: ScriptValue): number | null {
  const n = typeof value.value === 'number' ? value.value : typeof value.value === 'string' ? Number(value.value) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

/** The value as text, for a message naming it. */
export function textOf(value: ScriptValue): string | null {
  if (value.value === null) return null;
  return typeof value.value === 'object' ? JSON.stringify(value.value) : String(value.value);
}
