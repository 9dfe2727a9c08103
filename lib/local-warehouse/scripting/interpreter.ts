/**
 * Runs a Snowflake Scripting block (an anonymous block, or a stored procedure's body with its
 * arguments as variables) against the ScriptHost port: declarations, control flow, exception
 * handlers and RETURN here; SQL statements, cursors and expressions in the modules beside it.
 * An exception no handler catches leaves as Snowflake reports it; when the block ends, however
 * it ends, its async children still running are cancelled.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/blocks
 */
import type { AssignStatement, Block, Declaration, ExceptionHandler, Position, ReturnStatement, Statement } from '@/lib/domain/scripting/ast';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { closeStatement, cursorQueryId, fetchStatement, openStatement } from './cursors';
import { asException, evaluate } from './expressions';
import type { ScriptHost, ScriptValue } from './host';
import { runBranch, runLoop, type Completion, type ScriptResult } from './control-flow';
import { RunContext } from './run-context';
import { DEFAULT_EXCEPTION_CODE, raised, ScriptAborted, ScriptException, scriptErrors, uncaught } from './script-errors';
import {
  assignResultset,
  awaitChildren,
  cancelChild,
  parenthesisedQuery,
  readableChild,
  resultsetNamed,
  runSqlStatement,
  startAsync,
} from './sql-statements';
import { Scope } from './variables';

export type { ScriptResult };

const NORMAL: Completion = { kind: 'normal' };

/** The block's handler for `exception`: the first WHEN naming it (by kind, or the declared exception in scope) or OTHER. */
function handlerFor(handlers: ExceptionHandler[], exception: ScriptException, scope: Scope): ExceptionHandler | null {
  for (const handler of handlers) {
    if (handler.exceptions === 'OTHER') return handler;
    for (const name of handler.exceptions) {
      if (name === exception.kind) return handler;
      const binding = scope.lookup(name);
      if (binding?.kind === 'exception' && binding.exception === exception.kind) return handler;
      if (binding?.kind !== 'exception' && name !== 'STATEMENT_ERROR' && name !== 'EXPRESSION_ERROR') {
        throw new SnowflakeQueryError(scriptErrors.notDeclared('Exception', name));
      }
    }
  }
  return null;
}

class Interpreter {
  constructor(private readonly context: RunContext) {}

  /** A block: its DECLARE section, then its body, whose exceptions its handlers may catch (EXIT: the block ends after the handler). */
  async block(block: Block, parent: Scope): Promise<Completion> {
    // A CONTINUE handler resumes after the statement that failed; only EXIT handlers run here.
    if (block.handlers?.some((handler) => handler.mode === 'CONTINUE')) {
      throw new SnowflakeQueryError(snowflakeErrors.unsupported('CONTINUE exception handlers'));
    }
    const declared = parent.block();
    for (const declaration of block.declarations) await this.declare(declaration, declared);
    let completion: Completion;
    try {
      completion = await this.statements(block.body, declared.block());
    } catch (error) {
      if (!(error instanceof ScriptException) || !block.handlers) throw error;
      const handler = handlerFor(block.handlers, error, declared);
      if (!handler) throw error;
      // Variables of the body (LET) are not visible in the handler; those of DECLARE are.
      this.context.handling.push(error);
      try {
        completion = await this.statements(handler.body, declared.block());
      } finally {
        this.context.handling.pop();
      }
    }
    const leavesBlock = (completion.kind === 'break' || completion.kind === 'continue') && (completion.label === null || completion.label === block.label);
    return leavesBlock ? NORMAL : completion;
  }

  private async declare(declaration: Declaration, scope: Scope): Promise<void> {
    switch (declaration.kind) {
      case 'variable': {
        const value = declaration.value
          ? await evaluate(this.context, scope, declaration.value, declaration.type)
          : { value: null, type: declaration.type ?? 'VARCHAR' };
        scope.declare(declaration.name, { kind: 'value', type: declaration.type, value });
        return;
      }
      case 'cursor':
        scope.declare(declaration.name, { kind: 'cursor', name: declaration.name, query: declaration.query, open: null });
        return;
      case 'resultset': {
        const binding = { kind: 'resultset' as const, name: declaration.name, child: null, rows: null };
        scope.declare(declaration.name, binding);
        if (declaration.source) await assignResultset(this.context, scope, binding, declaration.source.query, declaration.source.async, declaration.at);
        return;
      }
      case 'exception': {
        const exception = { name: declaration.name, code: declaration.code ?? DEFAULT_EXCEPTION_CODE, message: declaration.message ?? '' };
        scope.declare(declaration.name, { kind: 'exception', exception });
        return;
      }
    }
  }

  /** Statements in order, until one ends the sequence (BREAK, CONTINUE, RETURN). */
  async statements(statements: Statement[], scope: Scope): Promise<Completion> {
    for (const statement of statements) {
      this.context.checkAbort();
      let completion: Completion;
      try {
        completion = await this.statement(statement, scope);
      } catch (error) {
        // Failures of the interpreter's own checks (an undeclared name …) are the statement's.
        throw asException(error, 'STATEMENT_ERROR', statement.at);
      }
      if (completion.kind !== 'normal') return completion;
    }
    return NORMAL;
  }

  private async statement(statement: Statement, scope: Scope): Promise<Completion> {
    const { context } = this;
    switch (statement.kind) {
      case 'sql':
        await runSqlStatement(context, scope, statement);
        return NORMAL;
      case 'let': {
        const value = await evaluate(context, scope, statement.value, statement.type);
        scope.let(statement.name, { kind: 'value', type: statement.type, value });
        return NORMAL;
      }
      case 'letCursor':
        scope.let(statement.name, { kind: 'cursor', name: statement.name, query: statement.query, open: null });
        return NORMAL;
      case 'letResultset': {
        const binding = { kind: 'resultset' as const, name: statement.name, child: null, rows: null };
        scope.let(statement.name, binding);
        await assignResultset(context, scope, binding, statement.source.query, statement.source.async, statement.at);
        return NORMAL;
      }
      case 'assign':
        await this.assign(statement, scope);
        return NORMAL;
      case 'if':
      case 'case':
        return runBranch(context, scope, statement, (body) => this.statements(body, scope));
      case 'forRange':
      case 'forCursor':
      case 'while':
      case 'repeat':
      case 'loop':
        return runLoop(context, scope, statement, (body, iteration) => this.statements(body, iteration));
      case 'break':
      case 'continue':
        return { kind: statement.kind, label: statement.label };
      case 'return':
        return { kind: 'return', result: await this.returned(statement.value, scope) };
      case 'open':
        await openStatement(context, scope, statement);
        return NORMAL;
      case 'fetch':
        await fetchStatement(context, scope, statement);
        return NORMAL;
      case 'close':
        closeStatement(scope, statement);
        return NORMAL;
      case 'raise':
        throw this.raise(statement.exception, scope, statement.at);
      case 'async':
        startAsync(context, scope, statement.sql, statement.at);
        return NORMAL;
      case 'await':
        await awaitChildren(context, scope, statement);
        return NORMAL;
      case 'cancel':
        cancelChild(scope, context, statement);
        return NORMAL;
      case 'block':
        return this.block(statement.block, scope);
      case 'null':
        return NORMAL;
    }
  }

  /** `x := expr`: a value variable takes the value (cast to its type); a RESULTSET runs the query. */
  private async assign(statement: AssignStatement, scope: Scope): Promise<void> {
    const binding = scope.lookup(statement.name);
    if (binding?.kind === 'resultset') {
      const query = statement.async ? statement.value : parenthesisedQuery(statement.value);
      await assignResultset(this.context, scope, binding, query, statement.async, statement.at);
      return;
    }
    if (binding?.kind !== 'value' || statement.async) throw new SnowflakeQueryError(scriptErrors.notDeclared(statement.async ? 'RESULTSET' : 'Variable', statement.name));
    binding.value = await evaluate(this.context, scope, statement.value, binding.type);
  }

  private async returned(value: ReturnStatement['value'], scope: Scope): Promise<ScriptResult> {
    if (value === null) return { kind: 'none' };
    if ('table' in value) return { kind: 'table', queryId: readableChild(resultsetNamed(scope, value.table)).queryId };
    if ('cursor' in value) return { kind: 'table', queryId: cursorQueryId(scope, value.cursor) };
    return { kind: 'value', value: await evaluate(this.context, scope, value) };
  }

  /** RAISE e raises the declared exception; a bare RAISE, the one being handled. */
  private raise(name: string | null, scope: Scope, at: Position): ScriptException | SnowflakeQueryError {
    if (name === null) {
      const handled = this.context.handling[this.context.handling.length - 1];
      return handled ?? new SnowflakeQueryError(scriptErrors.reraiseOutsideHandler());
    }
    const binding = scope.lookup(name);
    if (binding?.kind !== 'exception') return new SnowflakeQueryError(scriptErrors.notDeclared('Exception', name));
    return raised(binding.exception, at);
  }
}

/**
 * Runs `block` with `args` (a procedure's arguments) as variables of an enclosing scope. Resolves
 * with what RETURN gave (`none` when the block ended without one); rejects with a
 * SnowflakeQueryError: an uncaught exception, or SQL execution canceled when host.signal aborts.
 */
export async function runBlock(block: Block, host: ScriptHost, args: Record<string, ScriptValue> = {}): Promise<ScriptResult> {
  const context = new RunContext(host);
  const root = new Scope(null);
  for (const [name, value] of Object.entries(args)) root.declare(name, { kind: 'value', type: value.type, value });
  try {
    const completion = await new Interpreter(context).block(block, root);
    return completion.kind === 'return' ? completion.result : { kind: 'none' };
  } catch (error) {
    if (error instanceof ScriptAborted) throw new SnowflakeQueryError(snowflakeErrors.canceled());
    if (error instanceof ScriptException) throw uncaught(error);
    throw error;
  } finally {
    // Fire and forget is not supported: a child still running when the block ends is cancelled.
    context.children.cancelRunning();
  }
}
