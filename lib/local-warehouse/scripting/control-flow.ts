/**
 * Branches and loops of a block. IF and CASE run the first branch whose condition holds (a
 * simple CASE compares its subject with each WHEN); FOR counts from one bound to the other (in
 * REVERSE downwards, both bounds evaluated once) or visits a cursor's or RESULTSET's rows with a
 * record variable; WHILE tests before each pass, REPEAT … UNTIL after; LOOP runs until a BREAK.
 * BREAK and CONTINUE without a label act on the innermost loop, with one on the loop so labelled.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/branch
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/loops
 */
import type {
  CaseStatement,
  ForCursorStatement,
  ForRangeStatement,
  IfStatement,
  LoopStatement,
  RepeatStatement,
  Statement,
  WhileStatement,
} from '@/lib/domain/scripting/ast';
import { loopRows } from './cursors';
import { condition, evaluate, matches } from './expressions';
import type { ScriptValue } from './host';
import type { RunContext } from './run-context';
import { ScriptException, scriptErrors } from './script-errors';
import { integerOf, numberValue, textOf } from './script-values';
import type { Scope } from './variables';

export type ScriptResult = { kind: 'value'; value: ScriptValue } | { kind: 'table'; queryId: string } | { kind: 'none' };

/** How a sequence of statements ended: by running out, or by BREAK, CONTINUE or RETURN. */
export type Completion = { kind: 'normal' } | { kind: 'break' | 'continue'; label: string | null } | { kind: 'return'; result: ScriptResult };

type RunBody = (body: Statement[]) => Promise<Completion>;
type RunIteration = (body: Statement[], iteration: Scope) => Promise<Completion>;

export async function runBranch(context: RunContext, scope: Scope, statement: IfStatement | CaseStatement, run: RunBody): Promise<Completion> {
  if (statement.kind === 'if') {
    for (const branch of statement.branches) {
      if (await condition(context, scope, branch.condition)) return run(branch.body);
    }
  } else {
    const subject = statement.subject ? await evaluate(context, scope, statement.subject) : null;
    for (const branch of statement.branches) {
      const taken = subject ? await matches(context, scope, subject, branch.when) : await condition(context, scope, branch.when);
      if (taken) return run(branch.body);
    }
  }
  return statement.otherwise ? run(statement.otherwise) : { kind: 'normal' };
}

type Loop = ForRangeStatement | ForCursorStatement | WhileStatement | RepeatStatement | LoopStatement;

/** After one pass: go on, leave the loop, or hand a completion for an outer statement up. */
function afterPass(completion: Completion, label: string | null): 'next' | 'exit' | Completion {
  if (completion.kind === 'normal') return 'next';
  const mine = completion.kind !== 'return' && (completion.label === null || completion.label === label);
  if (!mine) return completion;
  return completion.kind === 'break' ? 'exit' : 'next';
}

/** A FOR bound as an integer; anything else is an EXPRESSION_ERROR. */
async function bound(context: RunContext, scope: Scope, statement: ForRangeStatement, which: 'from' | 'to'): Promise<number> {
  const value = await evaluate(context, scope, statement[which]);
  const n = integerOf(value);
  if (n === null) throw new ScriptException('EXPRESSION_ERROR', scriptErrors.notANumber(textOf(value) ?? 'NULL'), statement[which].at);
  return n;
}

/** The passes of a loop: each yields the scope the pass runs in, until the loop's own condition ends it. */
async function* passes(context: RunContext, scope: Scope, statement: Loop, done: () => Promise<boolean>): AsyncGenerator<Scope> {
  switch (statement.kind) {
    case 'forRange': {
      const from = await bound(context, scope, statement, 'from');
      const to = await bound(context, scope, statement, 'to');
      const step = statement.reverse ? -1 : 1;
      for (let i = statement.reverse ? to : from; statement.reverse ? i >= from : i <= to; i += step) {
        const iteration = scope.pass();
        iteration.declare(statement.variable, { kind: 'value', type: null, value: numberValue(i) });
        yield iteration;
      }
      return;
    }
    case 'forCursor': {
      const { rows, done: close } = await loopRows(context, scope, statement.source, statement.at);
      try {
        for (const row of rows.rows) {
          const iteration = scope.pass();
          iteration.declare(statement.variable, { kind: 'record', columns: rows.columns, row });
          yield iteration;
        }
      } finally {
        close();
      }
      return;
    }
    case 'while':
      while (await condition(context, scope, statement.condition)) yield scope;
      return;
    case 'repeat':
      do yield scope;
      while (!(await done()));
      return;
    case 'loop':
      for (;;) yield scope;
  }
}

export async function runLoop(context: RunContext, scope: Scope, statement: Loop, run: RunIteration): Promise<Completion> {
  const until = async () => statement.kind === 'repeat' && (await condition(context, scope, statement.until));
  for await (const iteration of passes(context, scope, statement, until)) {
    context.checkAbort();
    const next = afterPass(await run(statement.body, iteration), statement.label);
    if (next === 'exit') break;
    if (next !== 'next') return next;
  }
  return { kind: 'normal' };
}
