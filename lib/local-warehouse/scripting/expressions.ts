/**
 * Expressions of a block (assignments, conditions, loop bounds, RETURN values) and the values
 * assigned to variables. An expression is evaluated by the host as `SELECT <expression>` once
 * its variables are bound; a variable declared with a type holds its values cast to that type,
 * as Snowflake casts on assignment. A failure is an EXPRESSION_ERROR at the expression.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/variables#label-snowscript-variables-assigning
 */
import type { Expression, Position } from '@/lib/domain/scripting/ast';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { unlessAborted } from './async-children';
import { bindExpression } from './bind-values';
import type { ScriptValue } from './host';
import type { RunContext } from './run-context';
import { ScriptException, scriptErrors, type ExceptionKind } from './script-errors';
import { isTrue, sqlLiteral } from './script-values';
import type { Scope, ValueBinding } from './variables';

/** A SnowflakeQueryError as an exception of the block of `kind` at `at`; anything else unchanged. */
export function asException(error: unknown, kind: ExceptionKind, at: Position): unknown {
  return error instanceof SnowflakeQueryError ? new ScriptException(kind, error.snowflake, at) : error;
}

/** Evaluates SQL whose variables are already bound; `castTo` casts the result in the same query. */
async function evaluateBound(context: RunContext, sql: string, at: Position, castTo: string | null): Promise<ScriptValue> {
  context.checkAbort();
  try {
    return await unlessAborted(context.host.signal, context.host.evaluate(castTo ? `CAST((${sql}) AS ${castTo})` : sql));
  } catch (error) {
    throw asException(error, 'EXPRESSION_ERROR', at);
  }
}

/** The expression bound in `scope`: variables become literals. */
export function bound(context: RunContext, scope: Scope, expression: Expression): string {
  try {
    return bindExpression(expression.sql, expression.at, context.names(scope));
  } catch (error) {
    throw asException(error, 'EXPRESSION_ERROR', expression.at);
  }
}

/** The expression's value, cast to `castTo` when given. */
export async function evaluate(context: RunContext, scope: Scope, expression: Expression, castTo: string | null = null): Promise<ScriptValue> {
  return evaluateBound(context, bound(context, scope, expression), expression.at, castTo);
}

/** A condition (IF, WHILE, UNTIL, a searched CASE's WHEN): true only when it is TRUE. */
export async function condition(context: RunContext, scope: Scope, expression: Expression): Promise<boolean> {
  return isTrue(await evaluate(context, scope, expression));
}

/** A simple CASE's WHEN: whether the subject's value equals the WHEN expression. */
export async function matches(context: RunContext, scope: Scope, subject: ScriptValue, when: Expression): Promise<boolean> {
  const sql = `${sqlLiteral(subject)} = (${bound(context, scope, when)})`;
  return isTrue(await evaluateBound(context, sql, when.at, null));
}

/** A value (a fetched column, a SELECT INTO column) as the variable holds it: cast when it has a type. */
export async function assignValue(context: RunContext, binding: ValueBinding, value: ScriptValue, at: Position): Promise<void> {
  binding.value = binding.type ? await evaluateBound(context, sqlLiteral(value), at, binding.type) : value;
}

/** The value variable `name` in scope, for a statement that assigns to it. */
export function valueVariable(scope: Scope, name: string): ValueBinding {
  const binding = scope.lookup(name);
  if (binding?.kind !== 'value') throw new SnowflakeQueryError(scriptErrors.notDeclared('Variable', name));
  return binding;
}
