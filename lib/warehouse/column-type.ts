/**
 * A result column's type as Snowflake writes it (`DESCRIBE RESULT`, Snowsight), from the
 * lower-case wire type and precision/scale the driver reports.
 */

export interface WireColumn {
  type: string;
  precision: number | null | undefined;
  scale: number | null | undefined;
}

const WITH_FRACTIONAL_SCALE = new Set(['time', 'timestamp_ntz', 'timestamp_ltz', 'timestamp_tz']);
const NAMES: Record<string, string> = { real: 'FLOAT', text: 'VARCHAR' };

export function snowflakeTypeName({ type, precision, scale }: WireColumn): string {
  if (type === 'fixed') return `NUMBER(${precision ?? 38},${scale ?? 0})`;
  if (WITH_FRACTIONAL_SCALE.has(type)) return `${type.toUpperCase()}(${scale ?? 9})`;
  return NAMES[type] ?? type.toUpperCase();
}
