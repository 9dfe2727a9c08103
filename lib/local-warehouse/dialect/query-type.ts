/**
 * Snowflake's QUERY_TYPE for a statement (as QUERY_HISTORY reports it) and the statement type
 * id snowflake-sdk reads from results (lib/connection/result/statement_type.js: DML ids make
 * `getNumUpdatedRows()` sum the result).
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { isBlock } from '@/lib/domain/scripting/block-start';
import { significantTokens } from './tokens';

const CREATE_MODIFIERS = ['OR', 'REPLACE', 'TRANSIENT', 'TEMP', 'TEMPORARY', 'VOLATILE', 'LOCAL', 'GLOBAL', 'SECURE'];

/** Index of the object kind after `CREATE [OR REPLACE] [TRANSIENT …]` (tokens[0] is CREATE). */
export function createdKindIndex(tokens: Token[]): number {
  let i = 1;
  while (CREATE_MODIFIERS.some((word) => isWord(tokens[i], word))) i += 1;
  return i;
}

const FIRST_WORD_TYPES: Record<string, string> = {
  SELECT: 'SELECT',
  WITH: 'SELECT',
  VALUES: 'SELECT',
  FROM: 'SELECT',
  UPDATE: 'UPDATE',
  DELETE: 'DELETE',
  MERGE: 'MERGE',
  DROP: 'DROP',
  TRUNCATE: 'TRUNCATE_TABLE',
  CALL: 'CALL',
  SHOW: 'SHOW',
  DESCRIBE: 'DESCRIBE',
  DESC: 'DESCRIBE',
  USE: 'USE',
  SET: 'SET',
  UNSET: 'UNSET',
  BEGIN: 'BEGIN_TRANSACTION',
  START: 'BEGIN_TRANSACTION',
  COMMIT: 'COMMIT',
  ROLLBACK: 'ROLLBACK',
  EXPLAIN: 'EXPLAIN',
};

export function queryType(sql: string): string {
  const tokens = significantTokens(sql);
  const first = tokens[0];
  if (isSymbol(first, '(')) return 'SELECT';
  if (first?.kind !== 'identifier') return 'UNKNOWN';
  const word = first.text.toUpperCase();
  // An anonymous block is no transaction; Snowflake documents no QUERY_TYPE of its own for it.
  if (word === 'BEGIN' && isBlock(sql)) return 'UNKNOWN';
  if (word === 'INSERT') {
    const mode = isWord(tokens[1], 'OVERWRITE') ? tokens[2] : tokens[1];
    return isWord(mode, 'ALL') || isWord(mode, 'FIRST') ? 'MULTI_TABLE_INSERT' : 'INSERT';
  }
  if (word === 'CREATE') return createType(tokens);
  if (word === 'ALTER') {
    if (isWord(tokens[1], 'SESSION')) return 'ALTER_SESSION';
    return isWord(tokens[1], 'TABLE') ? 'ALTER_TABLE' : 'ALTER';
  }
  return FIRST_WORD_TYPES[word] ?? 'UNKNOWN';
}

function createType(tokens: Token[]): string {
  const i = createdKindIndex(tokens);
  if (isWord(tokens[i], 'VIEW') || isWord(tokens[i], 'MATERIALIZED')) return 'CREATE_VIEW';
  if (!isWord(tokens[i], 'TABLE')) return 'CREATE';
  let depth = 0;
  for (const token of tokens.slice(i)) {
    if (isSymbol(token, '(')) depth += 1;
    else if (isSymbol(token, ')')) depth -= 1;
    else if (depth === 0 && isWord(token, 'AS')) return 'CREATE_TABLE_AS_SELECT';
  }
  return 'CREATE_TABLE';
}

const DML_IDS: Record<string, number> = {
  INSERT: 0x3100,
  UPDATE: 0x3200,
  DELETE: 0x3300,
  MERGE: 0x3400,
  MULTI_TABLE_INSERT: 0x3500,
};
const ROW_RETURNING = new Set(['SELECT', 'SHOW', 'DESCRIBE', 'CALL', 'EXPLAIN']);
const SESSION_CONTROL = new Set(['USE', 'SET', 'UNSET', 'ALTER_SESSION']);
const TRANSACTION_CONTROL = new Set(['BEGIN_TRANSACTION', 'COMMIT', 'ROLLBACK']);

export function statementTypeId(type: string): number {
  if (type in DML_IDS) return DML_IDS[type];
  if (ROW_RETURNING.has(type)) return 0x1000;
  if (SESSION_CONTROL.has(type)) return 0x4000;
  if (TRANSACTION_CONTROL.has(type)) return 0x5000;
  if (type.startsWith('CREATE') || type.startsWith('ALTER') || type === 'DROP' || type === 'TRUNCATE_TABLE') {
    return 0x6000;
  }
  return 0x0000;
}

/** DML statement type ids, as snowflake-sdk's statement_type.js tells them apart. */
export function isDml(id: number): boolean {
  return id >= 0x3000 && id < 0x4000;
}

/** Statements that may change a connection's current schema or settings. */
export function mayChangeSession(type: string): boolean {
  return SESSION_CONTROL.has(type) || type === 'UNKNOWN';
}

/**
 * Transaction control runs as a no-op: the local warehouse shares DuckDB connections between
 * sessions, so a transaction left open by one session must never leak into another's queries.
 */
export function isTransactionControl(type: string): boolean {
  return TRANSACTION_CONTROL.has(type);
}
