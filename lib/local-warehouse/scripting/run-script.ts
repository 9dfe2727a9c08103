/**
 * The seam between the engine and Snowflake Scripting: a block's text is parsed
 * (lib/domain/scripting) and run by the interpreter against the host. A syntax error in the block
 * reaches the client as Snowflake's, with its line and position.
 */
import { SqlStatementError } from '@/lib/domain/sql/sql-reader';
import { parseBlock } from '@/lib/domain/scripting/parse-block';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { runBlock } from './interpreter';
import type { ScriptRunner } from './script-query';

export const runScript: ScriptRunner = async (text, host, args) => {
  let block;
  try {
    block = parseBlock(text);
  } catch (error) {
    if (error instanceof SqlStatementError) throw new SnowflakeQueryError(error.snowflake);
    throw error;
  }
  return runBlock(block, host, args);
};
