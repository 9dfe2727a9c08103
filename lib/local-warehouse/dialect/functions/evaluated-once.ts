/**
 * A macro that evaluates each argument once, whatever its body does with it. DuckDB expands a
 * macro by substituting the argument's expression for every use of the parameter, and binds it
 * again for each macro it passes through (every level of a type chain, type-chain.ts): a date
 * function reading its argument's year and month, called on `'2019-03-15'::DATE` (which the
 * conversion functions turn into a TO_DATE macro), took seconds to compile. Here the arguments
 * are bound once, as the one element of a list whose lambda is the body, so the body reads a
 * value whose type DuckDB knows (a select-list alias among them, which DuckDB binds only after a
 * macro picks its overload).
 * https://duckdb.org/docs/sql/functions/lambda
 */

/**
 * `CREATE OR REPLACE MACRO name(params) AS …` whose body is `body(values)`, `values` being
 * SQL for each parameter's value in `params` order. Parameters listed in `literals` are written
 * into the body as given (a date part the rewrite passes as a string stays a constant).
 */
export function evaluatedOnce(
  name: string,
  params: readonly string[],
  body: (values: string[]) => string,
  literals: readonly string[] = [],
): string {
  const bound = params.filter((param) => !literals.includes(param));
  if (bound.length === 0) throw new Error(`evaluatedOnce ${name}: no argument to evaluate`);
  const single = bound.length === 1;
  const element = single ? bound[0] : `{${bound.map((param) => `'${param}': ${param}`).join(', ')}}`;
  const values = params.map((param) => {
    if (literals.includes(param)) return param;
    return single ? 'v' : `v.${param}`;
  });
  return `CREATE OR REPLACE MACRO ${name}(${params.join(', ')}) AS list_transform([${element}], lambda v: ${body(values)})[1]`;
}
