/**
 * Reading a data type or an expression out of a statement as the text it was written as: the
 * procedure statements keep argument types, defaults and CALL's arguments as SQL text, which the
 * engine later evaluates with the dialect like any other SQL.
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import type { SqlReader } from '@/lib/domain/sql/sql-reader';

/** Words that continue a type name: DOUBLE PRECISION, CHAR VARYING, TIMESTAMP WITH LOCAL TIME ZONE. */
const TYPE_WORDS = ['PRECISION', 'VARYING', 'WITH', 'WITHOUT', 'LOCAL', 'TIME', 'ZONE'];

/** A data type: its name, any continuing words and its parenthesised parameters. */
export function readType(reader: SqlReader, sql: string): string {
  const first = reader.peek();
  if (first?.kind !== 'identifier') return reader.fail(first, 'Expected a data type, such as NUMBER or VARCHAR.');
  let last = reader.next() as Token;
  while (TYPE_WORDS.some((word) => isWord(reader.peek(), word))) last = reader.next() as Token;
  if (isSymbol(reader.peek(), '(')) last = readBalanced(reader);
  return sql.slice(first.start, last.end).replace(/\s+/g, ' ').toUpperCase();
}

/** An expression up to a `,` or `)` outside parentheses (or the end of the statement). */
export function readExpression(reader: SqlReader, sql: string, hint: string): string {
  const first = reader.peek();
  let last: Token | null = null;
  let depth = 0;
  for (let token = reader.peek(); token; token = reader.peek()) {
    if (depth === 0 && (isSymbol(token, ',') || isSymbol(token, ')'))) break;
    if (isSymbol(token, '(') || isSymbol(token, '[') || isSymbol(token, '{')) depth += 1;
    if (isSymbol(token, ')') || isSymbol(token, ']') || isSymbol(token, '}')) depth -= 1;
    last = reader.next() as Token;
  }
  if (!first || !last) return reader.fail(first, hint);
  return sql.slice(first.start, last.end);
}

/** From `(` to its matching `)`; returns the closing token. */
function readBalanced(reader: SqlReader): Token {
  let depth = 0;
  for (let token = reader.next(); token; token = reader.next()) {
    if (isSymbol(token, '(')) depth += 1;
    if (isSymbol(token, ')')) depth -= 1;
    if (depth === 0) return token;
  }
  return reader.fail(undefined, "Expected ')' to close the type's parameters.");
}
