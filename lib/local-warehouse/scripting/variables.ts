/**
 * What the names of a Snowflake Scripting block stand for: variables, FOR records, cursors,
 * RESULTSETs and exceptions, in nested scopes. Scoping is lexical: a block's declarations are
 * visible in it and in the blocks nested in it, an inner declaration hides an outer one of the
 * same name, and a lookup walks outward one scope at a time.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/variables#label-snowscript-scope
 */
import type { SqlText } from '@/lib/domain/scripting/ast';
import type { TrackedChild } from './async-children';
import type { ChildRows, ScriptValue } from './host';
import type { DeclaredException } from './script-errors';

/** A value variable; `type` is the declared type (assignments are cast to it), null when inferred. */
export interface ValueBinding {
  kind: 'value';
  type: string | null;
  value: ScriptValue;
}

/** A FOR loop's record: one row, its fields by column name. */
export interface RecordBinding {
  kind: 'record';
  columns: string[];
  row: ScriptValue[];
}

/** A RESULTSET: the query that was assigned to it, once one was. */
export interface ResultsetBinding {
  kind: 'resultset';
  name: string;
  /** The query last assigned to it; null until one is. Its results may be read once it was awaited. */
  child: TrackedChild | null;
  /** Its rows, once read. */
  rows: ChildRows | null;
}

/** A cursor: its query (or the RESULTSET it reads), and once opened its rows and position. */
export interface CursorBinding {
  kind: 'cursor';
  name: string;
  query: SqlText | { resultset: string };
  open: { queryId: string; rows: ChildRows; next: number } | null;
}

export interface ExceptionBinding {
  kind: 'exception';
  exception: DeclaredException;
}

export type Binding = ValueBinding | RecordBinding | ResultsetBinding | CursorBinding | ExceptionBinding;

/**
 * One scope: a block's declarations, a block body's or handler's LETs (both `block` scopes), or a
 * FOR loop pass's counter or record (a `pass` scope: a LET in the loop body belongs to the block).
 */
export class Scope {
  private readonly names = new Map<string, Binding>();

  constructor(
    readonly parent: Scope | null,
    private readonly kind: 'block' | 'pass' = 'block',
  ) {}

  /** Declares `name` here, replacing what this scope had under it. */
  declare(name: string, binding: Binding): void {
    this.names.set(name, binding);
  }

  /** LET: declares `name` in the innermost block (declaring it again there replaces it, as a LET in a loop does). */
  let(name: string, binding: Binding): void {
    let scope: Scope = this;
    while (scope.kind === 'pass' && scope.parent) scope = scope.parent;
    scope.declare(name, binding);
  }

  /** The nearest declaration of `name`, or null. */
  lookup(name: string): Binding | null {
    for (let scope: Scope | null = this; scope; scope = scope.parent) {
      const found = scope.names.get(name);
      if (found) return found;
    }
    return null;
  }

  /** A nested block's scope (or a handler's). */
  block(): Scope {
    return new Scope(this, 'block');
  }

  /** A FOR loop pass's scope, for its counter or record. */
  pass(): Scope {
    return new Scope(this, 'pass');
  }
}

/** A record's field by its resolved name (upper-case unless written quoted), or null when the row has none. */
export function recordField(record: RecordBinding, field: string): ScriptValue | null {
  const index = record.columns.indexOf(field);
  return index === -1 ? null : (record.row[index] ?? null);
}
