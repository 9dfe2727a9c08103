/**
 * Finds Snowflake table-function calls, `TABLE([qualifier.]NAME(args))`, which DuckDB does not
 * parse; the transforms replace the whole call with a subquery.
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { closingParen, dottedNameAt, identifierName } from './tokens';

export interface TableFunctionCall {
  /** Upper-cased function name. */
  name: string;
  /** Qualifier parts before the name, as Snowflake resolves them (e.g. ['FLURRY', 'INFORMATION_SCHEMA']). */
  qualifier: string[];
  /** Token indexes: the TABLE keyword, the parentheses around the arguments, TABLE's closing parenthesis. */
  start: number;
  argsOpen: number;
  argsClose: number;
  end: number;
}

export function findTableFunctions(tokens: Token[], names: string[]): TableFunctionCall[] {
  const calls: TableFunctionCall[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isWord(tokens[i], 'TABLE') || !isSymbol(tokens[i + 1], '(')) continue;
    const { parts, last: j } = dottedNameAt(tokens, i + 2);
    const nameToken = parts.at(-1);
    if (!nameToken || nameToken !== tokens[j] || !isSymbol(tokens[j + 1], '(')) continue;
    const name = identifierName(nameToken);
    if (!names.includes(name)) continue;
    const argsClose = closingParen(tokens, j + 1);
    if (argsClose === -1 || !isSymbol(tokens[argsClose + 1], ')')) continue;
    calls.push({
      name,
      qualifier: parts.slice(0, -1).map(identifierName),
      start: i,
      argsOpen: j + 1,
      argsClose,
      end: argsClose + 1,
    });
    i = argsClose + 1;
  }
  return calls;
}
