/**
 * The state of one run of a block, shared by the modules that run its statements: the host, the
 * child queries, the built-in variables and the exceptions being handled. Built-ins answer when
 * no declared name hides them: SQLID, SQLROWCOUNT, SQLFOUND, SQLNOTFOUND and ACTIVITY_COUNT
 * describe the last statement; SQLCODE, SQLERRM and SQLSTATE the exception being handled.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/dml-status
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/query-id
 */
import { isWord } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { significantTokens } from '../dialect/tokens';
import { Children } from './async-children';
import type { Names } from './bind-values';
import type { ChildOutcome, ScriptHost, ScriptValue } from './host';
import { ScriptAborted, scriptErrors, sqlCode, type ScriptException } from './script-errors';
import { booleanValue, NULL_VALUE, numberValue, textValue } from './script-values';
import type { Scope } from './variables';

/** Statements after which SQLROWCOUNT, SQLFOUND and SQLNOTFOUND count rows (TRUNCATE excluded). */
const DML = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'];

function isDml(sql: string): boolean {
  const first = significantTokens(sql)[0];
  return DML.some((word) => isWord(first, word));
}

export class RunContext {
  readonly children: Children;
  /** The exceptions whose handlers are running, innermost last: SQLCODE and bare RAISE read the last. */
  readonly handling: ScriptException[] = [];
  /** Until a statement runs, the statement built-ins are NULL. */
  private readonly lastStatement = new Map<string, ScriptValue>([
    ['SQLID', NULL_VALUE],
    ['SQLROWCOUNT', numberValue(null)],
    ['ACTIVITY_COUNT', numberValue(null)],
    ['SQLFOUND', booleanValue(null)],
    ['SQLNOTFOUND', booleanValue(null)],
  ]);

  constructor(readonly host: ScriptHost) {
    this.children = new Children(host);
  }

  /** Stops the block at the next statement once its query was cancelled. */
  checkAbort(): void {
    if (this.host.signal.aborted) throw new ScriptAborted();
  }

  /** SQLID is the query id of the last statement started, async ones included. */
  started(queryId: string): void {
    this.lastStatement.set('SQLID', textValue(queryId));
  }

  /**
   * After a statement succeeds: ACTIVITY_COUNT counts its rows; the DML counts are set by DML
   * and are NULL after any other statement (the 2025_01 behaviour, on by default).
   */
  succeeded(sql: string, outcome: Extract<ChildOutcome, { status: 'SUCCESS' }>): void {
    const dml = isDml(sql);
    this.lastStatement.set('ACTIVITY_COUNT', numberValue(outcome.rowCount));
    this.lastStatement.set('SQLROWCOUNT', numberValue(dml ? outcome.rowCount : null));
    this.lastStatement.set('SQLFOUND', booleanValue(dml ? outcome.rowCount > 0 : null));
    this.lastStatement.set('SQLNOTFOUND', booleanValue(dml ? outcome.rowCount === 0 : null));
  }

  /** A built-in variable's value, or null when `name` is none. */
  builtin(name: string): ScriptValue | null {
    switch (name) {
      case 'SQLID':
      case 'SQLROWCOUNT':
      case 'SQLFOUND':
      case 'SQLNOTFOUND':
      case 'ACTIVITY_COUNT':
        return this.lastStatement.get(name) ?? NULL_VALUE;
      case 'SQLCODE': {
        const current = this.current();
        return numberValue(current ? sqlCode(current.error) : null);
      }
      case 'SQLERRM':
        return textValue(this.current()?.error.message ?? null);
      case 'SQLSTATE':
        return textValue(this.current()?.error.sqlState ?? null);
      default:
        return null;
    }
  }

  private current(): ScriptException | undefined {
    return this.handling[this.handling.length - 1];
  }

  /** The names as the SQL of a statement running in `scope` sees them. */
  names(scope: Scope): Names {
    return {
      value: (name) => {
        const binding = scope.lookup(name);
        if (binding?.kind === 'value') return binding.value;
        if (binding?.kind === 'record') return binding;
        return binding ? null : this.builtin(name);
      },
      resultsetStatus: (name) => {
        const binding = scope.lookup(name);
        if (binding?.kind !== 'resultset') return null;
        if (!binding.child) throw new SnowflakeQueryError(scriptErrors.noQuery(name));
        return binding.child.status;
      },
    };
  }
}
