/**
 * The one-row results Snowflake returns for statements that produce no rows of their own: a
 * `status` text for DDL and the like (`Table T successfully created.`, `T successfully
 * dropped.`, `Statement executed successfully.`) and row counts for DML.
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { createdKindIndex } from './query-type';
import { identifierName, significantTokens } from './tokens';

/** Databases and schemas are answered by the engine's catalog, with their own texts. */
const OBJECT_KINDS: Record<string, string> = { TABLE: 'Table', VIEW: 'View' };

export const STATUS_COLUMN = 'status';

/** Column names of a DML statement's one-row result and their values, given rows affected. */
export function dmlResult(queryType: string, rows: number): { names: string[]; values: number[] } {
  switch (queryType) {
    case 'UPDATE':
      return { names: ['number of rows updated', 'number of multi-joined rows updated'], values: [rows, 0] };
    case 'DELETE':
      return { names: ['number of rows deleted'], values: [rows] };
    case 'MERGE':
      // merge-plan.ts answers Snowflake's inserted/updated/deleted split; a MERGE it does not
      // read runs as DuckDB's, which reports one total.
      return { names: ['number of rows merged'], values: [rows] };
    default:
      return { names: ['number of rows inserted'], values: [rows] };
  }
}

export function statusMessage(sql: string): string {
  const tokens = significantTokens(sql);
  const fallback = 'Statement executed successfully.';
  if (isWord(tokens[0], 'CREATE')) {
    const i = createdKindIndex(tokens);
    const kind = tokens[i]?.kind === 'identifier' ? OBJECT_KINDS[tokens[i].text.toUpperCase()] : undefined;
    const name = kind && objectName(tokens, i + 1, ['IF', 'NOT', 'EXISTS']);
    return name ? `${kind} ${name} successfully created.` : fallback;
  }
  if (isWord(tokens[0], 'DROP') && tokens[1]?.kind === 'identifier' && OBJECT_KINDS[tokens[1].text.toUpperCase()]) {
    const name = objectName(tokens, 2, ['IF', 'EXISTS']);
    return name ? `${name} successfully dropped.` : fallback;
  }
  return fallback;
}

/** The last part of a dotted object name starting at `from`, after the optional words. */
function objectName(tokens: Token[], from: number, optional: string[]): string | null {
  let i = from;
  while (optional.some((word) => isWord(tokens[i], word))) i += 1;
  let name: string | null = null;
  while (tokens[i]?.kind === 'identifier' || tokens[i]?.kind === 'quoted_identifier') {
    name = identifierName(tokens[i]);
    if (!isSymbol(tokens[i + 1], '.')) break;
    i += 2;
  }
  return name;
}
