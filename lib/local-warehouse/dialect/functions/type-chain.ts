/**
 * A macro whose result depends on the type of one argument, as a Snowflake date and time
 * function's does (a DATE plus days is a DATE, a TIMESTAMP_LTZ stays one): text, DATE, TIMESTAMP
 * (TIMESTAMP_NTZ), TIMESTAMPTZ (TIMESTAMP_LTZ/TZ), TIME, and anything else read as text.
 * https://docs.snowflake.com/en/sql-reference/functions-date-time
 *
 * Written as a chain of macros, each with one typed overload and an untyped one passing the
 * value on, rather than one macro with five typed overloads: DuckDB cannot choose among typed
 * overloads for an argument whose type it does not know when it picks one (an untyped NULL, or
 * a select-list alias, which it binds later; evaluated-once.ts spares the chains those), and it
 * gives such an argument to a chain's one typed overload. Text comes first, so such a value is
 * read from its text, a NULL as a NULL; DATE comes before TIMESTAMP and TIMESTAMP before
 * TIMESTAMPTZ because DuckDB would rather cast a value up to a typed overload than pass it to
 * the untyped one.
 */

/** The macro's body for a value of each kind, given the SQL of the value. */
export interface BodiesByType {
  text: (value: string) => string;
  date: (value: string) => string;
  ntz: (value: string) => string;
  ltz: (value: string) => string;
  time: (value: string) => string;
}

const LEVELS = [
  { suffix: '', type: 'VARCHAR', body: 'text' },
  { suffix: '_NOT_TEXT', type: 'DATE', body: 'date' },
  { suffix: '_NOT_DATE', type: 'TIMESTAMP', body: 'ntz' },
  { suffix: '_NOT_NTZ', type: 'TIMESTAMPTZ', body: 'ltz' },
  { suffix: '_NOT_LTZ', type: 'TIME', body: 'time' },
] as const;

/**
 * `CREATE OR REPLACE MACRO` statements for `name(params)`, dispatching on the parameter
 * named `value` (the others pass through untyped), in creation order (callees first).
 */
export function typeChain(name: string, params: readonly string[], value: string, bodies: BodiesByType): string[] {
  if (!params.includes(value)) throw new Error(`typeChain ${name}: no parameter named ${value}`);
  const signature = (type: string | null) => params.map((param) => (param === value && type ? `${param} ${type}` : param)).join(', ');
  const call = (macro: string) => `${macro}(${params.join(', ')})`;
  return LEVELS.map((level, i) => {
    const next = LEVELS[i + 1];
    const rest = next ? call(`${name}${next.suffix}`) : bodies.text(`CAST(${value} AS VARCHAR)`);
    return (
      `CREATE OR REPLACE MACRO ${name}${level.suffix}(${signature(level.type)}) AS ${bodies[level.body](value)}, ` +
      `(${signature(null)}) AS ${rest}`
    );
  }).reverse();
}
