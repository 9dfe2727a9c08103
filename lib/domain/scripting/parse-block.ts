/**
 * Parses a Snowflake Scripting block, `[DECLARE …] BEGIN … [EXCEPTION …] END [label] [;]`, into
 * the syntax tree of ./ast.ts: the text of an anonymous block, of `EXECUTE IMMEDIATE $$…$$`'s
 * body, or of a procedure's body. Malformed input throws `SqlStatementError` with Snowflake's
 * syntax error (001003, `syntax error line N at position P unexpected 'X'.`); a construct
 * Snowflake has and the local warehouse lacks throws its `000002` unsupported feature. Pure.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/blocks
 */
import type { Block, ExceptionHandler } from './ast';
import { readDeclarations } from './declarations';
import { readLabel } from './control-flow';
import { ScriptReader } from './script-reader';
import { readStatements, startsBlock } from './statements';

export { isBlock } from './block-start';

export function parseBlock(text: string): Block {
  const reader = new ScriptReader(text);
  if (!startsBlock(reader)) reader.fail(reader.peek(), 'Expected DECLARE or BEGIN to start a block.');
  const block = readBlock(reader);
  // SqlReader drops the text's last `;`; one that is not last is read here, and nothing may follow.
  reader.acceptSymbol(';');
  if (!reader.atEnd()) reader.fail(reader.peek(), 'Expected the end of the block after END.');
  return block;
}

/** `[DECLARE …] BEGIN … [EXCEPTION …] END [label]`, leaving the `;` after it. */
function readBlock(reader: ScriptReader): Block {
  const at = reader.here();
  const declarations = reader.acceptWord('DECLARE') ? readDeclarations(reader) : [];
  reader.expectWord('BEGIN', 'Expected BEGIN.');
  const body = readStatements(reader, readBlock);
  const handlers = reader.acceptWord('EXCEPTION') ? readHandlers(reader) : null;
  reader.expectWord('END', handlers ? 'Expected WHEN or END.' : 'Expected EXCEPTION or END.');
  return { declarations, body, handlers, label: readLabel(reader), at };
}

/**
 * `WHEN e1 [OR e2 …] [EXIT | CONTINUE] THEN …`, one or more, `WHEN OTHER …` among them.
 * https://docs.snowflake.com/en/sql-reference/snowflake-scripting/exception
 */
function readHandlers(reader: ScriptReader): ExceptionHandler[] {
  const handlers: ExceptionHandler[] = [];
  do {
    const when = reader.expectWord('WHEN', 'Expected WHEN and the exceptions to handle.');
    const at = reader.at(when);
    let exceptions: ExceptionHandler['exceptions'];
    if (reader.acceptWord('OTHER')) {
      exceptions = 'OTHER';
    } else {
      exceptions = [];
      do exceptions.push(reader.expectName('Expected an exception name or OTHER.'));
      while (reader.acceptWord('OR'));
    }
    const mode = reader.isWords('CONTINUE') || reader.isWords('EXIT') ? (reader.next()?.text.toUpperCase() as 'EXIT' | 'CONTINUE') : 'EXIT';
    reader.expectWord('THEN', 'Expected THEN.');
    handlers.push({ exceptions, body: readStatements(reader, readBlock), mode, at });
  } while (reader.isWords('WHEN'));
  return handlers;
}
