/**
 * Branches and loops: IF, CASE, FOR (counter and cursor), WHILE, REPEAT and LOOP. Each reads
 * from its keyword through its `END …` and optional label, leaving the `;` to the statement
 * reader; bodies are read by the `Body` the statement reader passes in, so this module and the
 * statement reader do not import each other.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/branch
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/loops
 */
import { isSymbol, isWord } from '../sql/lexer';
import type {
  CaseBranch,
  CaseStatement,
  ForCursorStatement,
  ForRangeStatement,
  IfBranch,
  IfStatement,
  LoopStatement,
  Position,
  RepeatStatement,
  Statement,
  WhileStatement,
} from './ast';
import type { ScriptReader } from './script-reader';

/** Reads statements (each with its `;`) up to a word that ends a body: END, ELSE, WHEN, … */
export type Body = () => Statement[];

/** `IF (c) THEN … [ELSEIF (c) THEN …]* [ELSE …] END IF`, after IF. */
export function readIf(reader: ScriptReader, body: Body, at: Position): IfStatement {
  const branches: IfBranch[] = [];
  do {
    const condition = reader.expressionUntil(['THEN'], 'Expected a condition, then THEN.');
    reader.expectWord('THEN', 'Expected THEN after the condition.');
    branches.push({ condition, body: body() });
  } while (reader.acceptWord('ELSEIF'));
  const otherwise = reader.acceptWord('ELSE') ? body() : null;
  reader.expectWord('END', 'Expected ELSEIF, ELSE or END IF.');
  reader.expectWord('IF', 'Expected IF after END.');
  return { kind: 'if', branches, otherwise, at };
}

/** Simple `CASE (x) WHEN v THEN …` or searched `CASE WHEN c THEN …`, through `END [CASE]`, after CASE. */
export function readCase(reader: ScriptReader, body: Body, at: Position): CaseStatement {
  const subject = reader.isWords('WHEN') ? null : reader.expressionUntil(['WHEN'], 'Expected the expression to match, then WHEN.');
  const branches: CaseBranch[] = [];
  reader.expectWord('WHEN', 'Expected WHEN.');
  do {
    const when = reader.expressionUntil(['THEN'], 'Expected an expression, then THEN.');
    reader.expectWord('THEN', 'Expected THEN.');
    branches.push({ when, body: body() });
  } while (reader.acceptWord('WHEN'));
  const otherwise = reader.acceptWord('ELSE') ? body() : null;
  reader.expectWord('END', 'Expected WHEN, ELSE or END CASE.');
  reader.acceptWord('CASE');
  return { kind: 'case', subject, branches, otherwise, at };
}

/**
 * `FOR i IN [REVERSE] a TO b { DO | LOOP } … END { FOR | LOOP }` or
 * `FOR row IN cursor DO … END FOR`, after FOR. A single name followed by DO or LOOP is a cursor.
 * https://docs.snowflake.com/en/sql-reference/snowflake-scripting/for
 */
export function readFor(reader: ScriptReader, body: Body, at: Position): ForRangeStatement | ForCursorStatement {
  const variable = reader.expectName('Expected the loop variable.');
  reader.expectWord('IN', 'Expected IN after the loop variable.');
  const reverse = reader.acceptWord('REVERSE') !== null;
  const name = reader.peek();
  const overCursor =
    !reverse && (name?.kind === 'identifier' || name?.kind === 'quoted_identifier') && (isWord(reader.peek(1), 'DO') || isWord(reader.peek(1), 'LOOP'));
  if (overCursor) {
    const source = reader.expectName('Expected a cursor name.');
    const { statements, label } = loopBody(reader, body, 'FOR');
    return { kind: 'forCursor', variable, source, body: statements, label, at };
  }
  const from = reader.expressionUntil(['TO'], 'Expected the start of the range, then TO.');
  reader.expectWord('TO', 'Expected TO after the start of the range.');
  const to = reader.expressionUntil(['DO', 'LOOP'], 'Expected the end of the range, then DO or LOOP.');
  const { statements, label } = loopBody(reader, body, 'FOR');
  return { kind: 'forRange', variable, reverse, from, to, body: statements, label, at };
}

/** `WHILE (c) { DO | LOOP } … END { WHILE | LOOP }`, after WHILE. */
export function readWhile(reader: ScriptReader, body: Body, at: Position): WhileStatement {
  const condition = reader.expressionUntil(['DO', 'LOOP'], 'Expected a condition, then DO or LOOP.');
  const { statements, label } = loopBody(reader, body, 'WHILE');
  return { kind: 'while', condition, body: statements, label, at };
}

/** `REPEAT … UNTIL (c) END REPEAT`, after REPEAT. */
export function readRepeat(reader: ScriptReader, body: Body, at: Position): RepeatStatement {
  const statements = body();
  reader.expectWord('UNTIL', 'Expected UNTIL and a condition.');
  const until = reader.expressionUntil(['END'], 'Expected a condition, then END REPEAT.');
  reader.expectWord('END', 'Expected END REPEAT after the condition.');
  reader.expectWord('REPEAT', 'Expected REPEAT after END.');
  return { kind: 'repeat', body: statements, until, label: readLabel(reader), at };
}

/** `LOOP … END LOOP`, after LOOP. */
export function readLoop(reader: ScriptReader, body: Body, at: Position): LoopStatement {
  const statements = body();
  reader.expectWord('END', 'Expected END LOOP.');
  reader.expectWord('LOOP', 'Expected LOOP after END.');
  return { kind: 'loop', body: statements, label: readLabel(reader), at };
}

/**
 * `{ DO | LOOP } … END { <keyword> | LOOP } [label]`: DO pairs with END <keyword> (END FOR,
 * END WHILE), LOOP with END LOOP.
 */
function loopBody(reader: ScriptReader, body: Body, keyword: string): { statements: Statement[]; label: string | null } {
  const opener = reader.expectOneOf(['DO', 'LOOP'], 'Expected DO or LOOP.');
  const statements = body();
  const closer = opener === 'DO' ? keyword : 'LOOP';
  reader.expectWord('END', `Expected END ${closer}.`);
  reader.expectWord(closer, `Expected ${closer} after END (${opener} … END ${closer}).`);
  return { statements, label: readLabel(reader) };
}

/** The optional label after `END …`, before the `;`. */
export function readLabel(reader: ScriptReader): string | null {
  if (reader.atEnd() || isSymbol(reader.peek(), ';')) return null;
  return reader.expectName("Expected ';' or a label.");
}
