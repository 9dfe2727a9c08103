/**
 * For property tests: fast-check arbitraries of SQL pieces that hide `;` and quotes from a naive
 * reader (string literals, quoted identifiers, $$ bodies, comments) and of statements made of them.
 */
import fc from 'fast-check';
import { sqlIdentifier, sqlStringLiteral } from './literals';

/** Any text, astral characters and lone surrogates included. */
export const anyText = (maxLength = 40) => fc.string({ unit: 'binary', maxLength });

/** Text leaning on the characters that end or open things in SQL. */
export const trickyText = (maxLength = 20) =>
  fc.string({ unit: fc.constantFrom(';', "'", '"', '$', '\\', '-', '/', '*', '\n', ' ', 'a', 'é', '☃', '𝒜'), maxLength });

/** An identifier's name: non-empty, at most Snowflake's 255 characters. */
export const identifierNames = fc.oneof(
  fc.stringMatching(/^[A-Z_][A-Z0-9_$]{0,20}$/),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  trickyText(20).filter((text) => text.length > 0),
);

const word = fc.constantFrom('SELECT', 'a', 'b_1', 'FROM', 'WHERE', 'x$y', 'é', 'CALL', 'AS');
const number = fc.constantFrom('1', '2.5', '.5', '1e3', '42');
const operator = fc.constantFrom('=', '(', ')', ',', '+', '::', '=>', '||', '<>', '.', '*');
const stringLiteral = anyText().map(sqlStringLiteral);
const quotedIdentifier = anyText().filter((text) => text.length > 0).map((text) => `"${text.replace(/"/g, '""')}"`);
const dollarBody = anyText().filter((text) => !text.includes('$$') && !text.endsWith('$')).map((text) => `$$${text}$$`);
const blockComment = anyText().filter((text) => !text.includes('*/')).map((text) => `/*${text}*/`);
const lineComment = anyText().filter((text) => !/[\n]/.test(text)).map((text) => `--${text}\n`);

/** A token that means something (no whitespace or comment). */
export const significantPiece = fc.oneof(word, number, operator, stringLiteral, quotedIdentifier, dollarBody, identifierNames.map(sqlIdentifier));

/**
 * A statement: significant pieces with comments between them, separated by spaces, starting
 * and ending with a significant piece and holding no top-level `;`.
 */
export const statementText = fc
  .array(fc.tuple(significantPiece, fc.option(fc.oneof(blockComment, lineComment), { nil: undefined })), { minLength: 1, maxLength: 8 })
  .chain((pieces) =>
    significantPiece.map((last) => [...pieces.flatMap(([piece, comment]) => (comment ? [piece, comment] : [piece])), last].join(' ')),
  );
