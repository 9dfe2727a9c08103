/**
 * Procedure argument and return types. A procedure is known by its name and its arguments' type
 * families (https://docs.snowflake.com/en/developer-guide/udf-stored-procedure-naming-conventions):
 * `p(INT)` and `p(NUMBER(10,2))` are the same signature, `p(VARCHAR)` another. DROP and DESCRIBE
 * name a procedure that way; SHOW PROCEDURES prints the families.
 */

const FAMILIES: Record<string, string> = {
  NUMBER: 'NUMBER',
  DECIMAL: 'NUMBER',
  NUMERIC: 'NUMBER',
  INT: 'NUMBER',
  INTEGER: 'NUMBER',
  BIGINT: 'NUMBER',
  SMALLINT: 'NUMBER',
  TINYINT: 'NUMBER',
  BYTEINT: 'NUMBER',
  FLOAT: 'FLOAT',
  FLOAT4: 'FLOAT',
  FLOAT8: 'FLOAT',
  DOUBLE: 'FLOAT',
  'DOUBLE PRECISION': 'FLOAT',
  REAL: 'FLOAT',
  VARCHAR: 'VARCHAR',
  STRING: 'VARCHAR',
  TEXT: 'VARCHAR',
  CHAR: 'VARCHAR',
  CHARACTER: 'VARCHAR',
  NCHAR: 'VARCHAR',
  NVARCHAR: 'VARCHAR',
  NVARCHAR2: 'VARCHAR',
  'CHAR VARYING': 'VARCHAR',
  'NCHAR VARYING': 'VARCHAR',
  BINARY: 'BINARY',
  VARBINARY: 'BINARY',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  TIME: 'TIME',
  DATETIME: 'TIMESTAMP_NTZ',
  TIMESTAMP: 'TIMESTAMP_NTZ',
  TIMESTAMP_NTZ: 'TIMESTAMP_NTZ',
  TIMESTAMPNTZ: 'TIMESTAMP_NTZ',
  'TIMESTAMP WITHOUT TIME ZONE': 'TIMESTAMP_NTZ',
  TIMESTAMP_LTZ: 'TIMESTAMP_LTZ',
  TIMESTAMPLTZ: 'TIMESTAMP_LTZ',
  'TIMESTAMP WITH LOCAL TIME ZONE': 'TIMESTAMP_LTZ',
  TIMESTAMP_TZ: 'TIMESTAMP_TZ',
  TIMESTAMPTZ: 'TIMESTAMP_TZ',
  'TIMESTAMP WITH TIME ZONE': 'TIMESTAMP_TZ',
  VARIANT: 'VARIANT',
  OBJECT: 'OBJECT',
  ARRAY: 'ARRAY',
  GEOGRAPHY: 'GEOGRAPHY',
  GEOMETRY: 'GEOMETRY',
  VECTOR: 'VECTOR',
};

/** `type` as written, upper-cased, its parameters dropped: `varchar(10)` → VARCHAR. */
function baseName(type: string): string {
  return type.replace(/\(.*$/s, '').trim().replace(/\s+/g, ' ').toUpperCase();
}

/** The family a declared type belongs to, or null when Snowflake has no such type. */
export function typeFamily(type: string): string | null {
  return FAMILIES[baseName(type)] ?? null;
}

/** A declared type as DESCRIBE prints it: upper case, single spaces, no space inside parentheses. */
export function normalizedType(type: string): string {
  return type
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),])\s*/g, (_, symbol: string) => (symbol === ',' ? ',' : symbol))
    .toUpperCase();
}

/** The signature key part for argument types: `(NUMBER, VARCHAR)`. */
export function signatureOf(types: string[]): string {
  return `(${types.map((type) => typeFamily(type) ?? baseName(type)).join(', ')})`;
}

/**
 * How well a value of Snowflake type `valueType` fits an argument declared `declared`: 2 for the
 * same family, 1 for one that converts implicitly (numbers and text into each other, NULL into
 * anything), 0 for none. CALL picks the overload whose arguments fit best.
 */
export function fitOf(valueType: string, declared: string): number {
  const value = typeFamily(valueType);
  const wanted = typeFamily(declared);
  if (value === null || wanted === null) return 1;
  if (value === wanted) return 2;
  const numeric = (family: string) => family === 'NUMBER' || family === 'FLOAT';
  if (numeric(value) && numeric(wanted)) return 2;
  if (value === 'VARIANT' || wanted === 'VARIANT' || value === 'VARCHAR' || wanted === 'VARCHAR') return 1;
  if (wanted.startsWith('TIMESTAMP') && (value === 'DATE' || value.startsWith('TIMESTAMP'))) return 1;
  return 0;
}
