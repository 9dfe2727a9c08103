/**
 * Snowflake's syntax for semi-structured values, rewritten into calls the semi-structured
 * functions answer (functions/semi-structured.ts):
 * - paths: `v:a.b[0]`, `v:"Quoted Key"`, `v:a['b c']`, `v['k']`, `v[0]` become
 *   `SF_GET_PATH(v, '/a/b/0')` (a JSON Pointer; element names keep their case, so this runs
 *   before identifiers are upper-cased), and an index that is an expression `GET(v, i)`;
 * - casts to VARIANT, OBJECT and ARRAY (`x::VARIANT`, `CAST(x AS OBJECT)`) become TO_VARIANT,
 *   SF_CAST_OBJECT and SF_CAST_ARRAY (a path cast to another type, `v:a::string`, is the
 *   conversion family's: a VARIANT's string converts without its quotes);
 * - ARRAY and OBJECT constants (`[1, 'a']`, `{'k': v}`, `{*}`) become ARRAY_CONSTRUCT and
 *   OBJECT_CONSTRUCT calls;
 * - SPLIT, STRTOK_TO_ARRAY and REGEXP_SUBSTR_ALL (string functions, which give JSON) return an
 *   ARRAY, as Snowflake types them;
 * - calls of Snowflake functions whose names DuckDB has (TYPEOF, ARRAY_SLICE, FLATTEN …) call
 *   SF_TYPEOF … instead, so that DuckDB's functions keep their meaning inside other macros;
 * - a path compared with a string literal (`v:type = 'phone'`) compares with that string as a
 *   VARIANT, and a path matched with LIKE matches its text, as Snowflake converts them.
 * https://docs.snowflake.com/en/user-guide/querying-semistructured
 * https://docs.snowflake.com/en/sql-reference/functions/get_path
 * https://docs.snowflake.com/en/sql-reference/data-types-semistructured#label-array-constant
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { jsonPointer } from './functions/variant-json';
import { identifierName, significantTokens, splitTopLevel, sqlString, stringValue } from './tokens';

/** Words that never start an operand: an identifier chain or call stops before them. */
const KEYWORDS = new Set(
  (
    'SELECT FROM WHERE AND OR NOT ON AS BY CASE WHEN THEN ELSE END IN IS LIKE ILIKE RLIKE REGEXP BETWEEN JOIN ' +
    'INNER OUTER FULL CROSS NATURAL UNION INTERSECT EXCEPT MINUS ALL DISTINCT SET VALUES INTO HAVING QUALIFY ' +
    'LIMIT OFFSET FETCH WITH USING OVER PARTITION ORDER GROUP DESC ASC LATERAL TABLE EXISTS ANY SOME ESCAPE ' +
    'WITHIN RETURNING UPDATE DELETE MERGE CREATE ALTER DROP TOP WINDOW ROWS RANGE NULLS'
  ).split(' '),
);

/**
 * Snowflake functions whose names DuckDB's own functions have, called as SF_<name>: a macro of
 * DuckDB's name would also replace the function inside every other macro and rewrite.
 */
const RENAMED_CALLS: Record<string, string> = Object.fromEntries(
  [
    'ARRAY_AGG', 'ARRAY_APPEND', 'ARRAY_CAT', 'ARRAY_CONTAINS', 'ARRAY_DISTINCT', 'ARRAY_POSITION', 'ARRAY_PREPEND',
    'ARRAY_REVERSE', 'ARRAY_SLICE', 'ARRAY_SORT', 'ARRAY_TO_STRING', 'FLATTEN', 'JSON_EXTRACT_PATH_TEXT', 'TO_JSON', 'TYPEOF',
  ]
    .map((name) => [name, `SF_${name}`])
    .concat([['ARRAYAGG', 'SF_ARRAY_AGG']]),
);
/** String functions whose result Snowflake types ARRAY: their JSON becomes one (SF_JSON_LIST). */
const ARRAY_RESULTS = new Set(['SPLIT', 'STRTOK_TO_ARRAY', 'REGEXP_SUBSTR_ALL']);

const COMPARISONS = new Set(['=', '<>', '!=', '<', '>', '<=', '>=']);
const MATCHES = ['LIKE', 'ILIKE', 'RLIKE', 'REGEXP'];

/** Cheap test: statements without these tokens need no rewrite (most, and the largest INSERTs). */
function mayUseSyntax(token: Token): boolean {
  if (token.kind === 'operator') return token.text === ':' || token.text === '[' || token.text === '{';
  if (token.kind !== 'identifier') return false;
  const word = token.text.toUpperCase();
  return word === 'VARIANT' || word === 'OBJECT' || word === 'ARRAY' || word in RENAMED_CALLS || ARRAY_RESULTS.has(word);
}

export function semiStructuredSyntax(sql: string): string {
  const tokens = significantTokens(sql);
  if (!tokens.some(mayUseSyntax)) return sql;
  const renderer = new Renderer(sql, tokens);
  return sql.slice(0, tokens[0].start) + renderer.range(0, tokens.length) + sql.slice(tokens[tokens.length - 1].end);
}

interface Operand {
  /** Index after the operand's last token. */
  end: number;
  text: string;
}

class Renderer {
  constructor(
    private readonly sql: string,
    private readonly tokens: Token[],
  ) {}

  /** tokens[from, to) as SQL, rewritten, with the whitespace and comments between them. */
  range(from: number, to: number): string {
    let out = '';
    let i = from;
    while (i < to) {
      if (i > from) out += this.sql.slice(this.tokens[i - 1].end, this.tokens[i].start);
      const operand = this.operand(i, to);
      if (operand) {
        out += operand.text;
        // The gap before the next token is added on the next turn.
        i = operand.end;
      } else {
        out += this.tokens[i].text;
        i += 1;
      }
    }
    return out;
  }

  /** The source between tokens[a] and tokens[b] (whitespace, comments). */
  private gap(a: number, b: number): string {
    return this.sql.slice(this.tokens[a].end, this.tokens[b].start);
  }

  /** `(`…`)`, `[`…`]` or `{`…`}` at `open`: the index of its closing token, or -1. */
  private closing(open: number, to: number): number {
    let depth = 0;
    for (let i = open; i < to; i += 1) {
      const token = this.tokens[i];
      if (isSymbol(token, '(') || isSymbol(token, '[') || isSymbol(token, '{')) depth += 1;
      else if (isSymbol(token, ')') || isSymbol(token, ']') || isSymbol(token, '}')) {
        depth -= 1;
        if (depth === 0) return i;
      }
    }
    return -1;
  }

  /** A bracketed group, its contents rewritten: `(` inner `)`. */
  private group(open: number, close: number): string {
    if (close === open + 1) return this.tokens[open].text + this.gap(open, close) + this.tokens[close].text;
    return (
      this.tokens[open].text + this.gap(open, open + 1) + this.range(open + 1, close) + this.gap(close - 1, close) + this.tokens[close].text
    );
  }

  private operand(i: number, to: number): Operand | null {
    const primary = this.primary(i, to);
    return primary && this.postfix(primary, to);
  }

  private primary(i: number, to: number): (Operand & { literal?: boolean }) | null {
    const token = this.tokens[i];
    if (token.kind === 'string' || token.kind === 'dollar_string' || token.kind === 'number') {
      return { end: i + 1, text: token.text, literal: true };
    }
    if (isSymbol(token, '(')) {
      const close = this.closing(i, to);
      return close === -1 ? null : { end: close + 1, text: this.group(i, close) };
    }
    if (isSymbol(token, '[')) {
      const close = this.closing(i, to);
      if (close === -1) return null;
      const inner = close === i + 1 ? '' : this.range(i + 1, close);
      return { end: close + 1, text: `ARRAY_CONSTRUCT(${inner})` };
    }
    if (isSymbol(token, '{')) {
      const close = this.closing(i, to);
      return close === -1 ? null : { end: close + 1, text: this.objectConstant(i, close) };
    }
    if (token.kind === 'quoted_identifier') return this.nameChain(i, to);
    if (token.kind !== 'identifier' || KEYWORDS.has(token.text.toUpperCase())) return null;
    return this.nameChain(i, to);
  }

  /** `a.b.c`, or a call `f(…)` / `s.f(…)`; CAST(x AS VARIANT|OBJECT|ARRAY) becomes a conversion. */
  private nameChain(i: number, to: number): Operand {
    let end = i + 1;
    while (
      end + 1 < to &&
      isSymbol(this.tokens[end], '.') &&
      (this.tokens[end + 1].kind === 'identifier' || this.tokens[end + 1].kind === 'quoted_identifier')
    ) {
      end += 2;
    }
    const name = this.sql.slice(this.tokens[i].start, this.tokens[end - 1].end);
    if (!isSymbol(this.tokens[end], '(') || end >= to) return { end, text: name };
    const close = this.closing(end, to);
    if (close === -1) return { end, text: name };
    const cast = end === i + 1 && (isWord(this.tokens[i], 'CAST') || isWord(this.tokens[i], 'TRY_CAST')) ? this.castCall(end, close) : null;
    if (cast) return { end: close + 1, text: cast };
    const simple = end === i + 1 && this.tokens[i].kind === 'identifier';
    const call = (simple ? RENAMED_CALLS[name.toUpperCase()] ?? name : name) + this.gap(end - 1, end) + this.group(end, close);
    return { end: close + 1, text: simple && ARRAY_RESULTS.has(name.toUpperCase()) ? `SF_JSON_LIST(${call})` : call };
  }

  /** CAST( x AS type ) to a semi-structured type, or null for any other type. */
  private castCall(open: number, close: number): string | null {
    let depth = 0;
    for (let j = open + 1; j < close; j += 1) {
      const token = this.tokens[j];
      if (isSymbol(token, '(') || isSymbol(token, '[') || isSymbol(token, '{')) depth += 1;
      else if (isSymbol(token, ')') || isSymbol(token, ']') || isSymbol(token, '}')) depth -= 1;
      else if (depth === 0 && isWord(token, 'AS')) {
        const conversion = this.conversionFor(j + 1, close);
        return conversion && j > open + 1 && conversion.end === close ? `${conversion.name}(${this.range(open + 1, j)})` : null;
      }
    }
    return null;
  }

  /** The function a cast to tokens[at]'s type becomes, for VARIANT, OBJECT and ARRAY. */
  private conversionFor(at: number, to: number): { name: string; end: number } | null {
    const token = this.tokens[at];
    const names: Record<string, string> = { VARIANT: 'TO_VARIANT', OBJECT: 'SF_CAST_OBJECT', ARRAY: 'SF_CAST_ARRAY' };
    const name = token?.kind === 'identifier' ? names[token.text.toUpperCase()] : undefined;
    if (!name) return null;
    if (at + 1 < to && isSymbol(this.tokens[at + 1], '(')) {
      throw new SnowflakeQueryError(snowflakeErrors.unsupported(`structured type ${token.text.toUpperCase()}(…)`));
    }
    return { name, end: at + 1 };
  }

  /** `{ 'k': v, … }` as OBJECT_CONSTRUCT('k', v, …); `{*}` and its forms as OBJECT_CONSTRUCT(*). */
  private objectConstant(open: number, close: number): string {
    if (close === open + 1) return 'OBJECT_CONSTRUCT()';
    const first = this.tokens[open + 1];
    const star = isSymbol(first, '*') || (isSymbol(this.tokens[open + 2], '.') && isSymbol(this.tokens[open + 3], '*'));
    if (star) return `OBJECT_CONSTRUCT(${this.range(open + 1, close)})`;
    const parts = splitTopLevel(this.tokens, open + 1, close).map(([from, to]) => {
      const colon = this.tokens.findIndex((token, k) => k >= from && k < to && isSymbol(token, ':'));
      if (colon <= from || colon >= to - 1) throw syntaxErrorAt(this.tokens[colon > 0 && colon < to ? colon : from]);
      return `${this.range(from, colon)}, ${this.range(colon + 1, to)}`;
    });
    return `OBJECT_CONSTRUCT(${parts.join(', ')})`;
  }

  /** Paths, indexes and casts after an operand, and how a path meets a string literal. */
  private postfix(primary: Operand & { literal?: boolean }, to: number): Operand {
    let { end, text } = primary;
    let isPath = false;
    for (;;) {
      const next = this.tokens[end];
      if (end < to && isSymbol(next, ':') && !primary.literal && isPathKey(this.tokens[end + 1])) {
        const path = this.path(text, end + 1, to);
        ({ end, text } = path);
        isPath = true;
      } else if (end < to && isSymbol(next, '[') && !primary.literal) {
        const path = this.path(text, end, to);
        ({ end, text } = path);
        isPath = true;
      } else if (end < to && isSymbol(next, '::')) {
        const type = this.typeEnd(end + 1, to);
        const conversion = this.conversionFor(end + 1, to);
        const typeText = this.sql.slice(this.tokens[end].start, this.tokens[type - 1].end);
        text = conversion ? `${conversion.name}(${text})` : text + this.gap(end - 1, end) + typeText;
        end = type;
        isPath = false;
      } else break;
    }
    return isPath ? this.comparedPath({ end, text }, to) : { end, text };
  }

  /** A path with a comparison to string literals or a LIKE after it. */
  private comparedPath(path: Operand, to: number): Operand {
    const op = this.tokens[path.end];
    const literal = this.tokens[path.end + 1];
    if (path.end + 1 < to && op.kind === 'operator' && COMPARISONS.has(op.text) && literal.kind === 'string' && !this.continues(path.end + 2, to)) {
      return { end: path.end + 2, text: `${path.text}${this.gap(path.end - 1, path.end)}${op.text}${this.gap(path.end, path.end + 1)}TO_VARIANT(${literal.text})` };
    }
    const negated = isWord(op, 'NOT') ? 1 : 0;
    const keyword = this.tokens[path.end + negated];
    if (MATCHES.some((word) => isWord(keyword, word))) return { end: path.end, text: `SF_VARIANT_TEXT(${path.text})` };
    if (isWord(keyword, 'IN') && isSymbol(this.tokens[path.end + negated + 1], '(')) {
      const open = path.end + negated + 1;
      const close = this.closing(open, to);
      const items = close === -1 ? [] : splitTopLevel(this.tokens, open + 1, close);
      if (items.length > 0 && items.every(([from, end]) => end === from + 1 && this.tokens[from].kind === 'string')) {
        const list = items.map(([from]) => `TO_VARIANT(${this.tokens[from].text})`).join(', ');
        return { end: close + 1, text: `${path.text} ${negated ? 'NOT ' : ''}IN (${list})` };
      }
    }
    return path;
  }

  /** Whether tokens[at] continues the expression a literal starts (`'a' || x`, `'1'::int`). */
  private continues(at: number, to: number): boolean {
    const token = this.tokens[at];
    return at < to && token.kind === 'operator' && !['(', ')', ',', ';', '=', '<>', '!=', '<', '>', '<=', '>='].includes(token.text);
  }

  /**
   * The path steps from tokens[at] on (`a.b[0]`, `"k":x`, `['k'][1]`) applied to `base`: the
   * constant steps as one SF_GET_PATH, an index that is an expression as GET.
   */
  private path(base: string, at: number, to: number): Operand {
    let text = base;
    let steps: (string | number)[] = [];
    const flush = () => {
      if (steps.length > 0) text = `SF_GET_PATH(${text}, ${sqlString(jsonPointer(steps))})`;
      steps = [];
    };
    let i = at;
    let first = !isSymbol(this.tokens[at], '[');
    for (;;) {
      const token = this.tokens[i];
      if (first && isPathKey(token)) {
        steps.push(pathKey(token));
        i += 1;
        first = false;
        continue;
      }
      if (i + 1 < to && (isSymbol(token, '.') || isSymbol(token, ':')) && isPathKey(this.tokens[i + 1])) {
        steps.push(pathKey(this.tokens[i + 1]));
        i += 2;
        continue;
      }
      if (i < to && isSymbol(token, '[')) {
        const close = this.closing(i, to);
        if (close === -1) break;
        const inner = this.tokens[i + 1];
        const constant = close === i + 2 ? (inner.kind === 'number' && /^\d+$/.test(inner.text) ? Number(inner.text) : stringValue(inner)) : null;
        if (constant !== null) steps.push(constant);
        else {
          flush();
          text = `GET(${text}, ${close === i + 1 ? 'NULL' : this.range(i + 1, close)})`;
        }
        i = close + 1;
        continue;
      }
      break;
    }
    flush();
    return { end: i, text };
  }

  /** Index after the type named at tokens[at] (`NUMBER(10,2)`, `DOUBLE PRECISION`, `VARCHAR`). */
  private typeEnd(at: number, to: number): number {
    let end = at + 1;
    if (isWord(this.tokens[at], 'DOUBLE') && isWord(this.tokens[end], 'PRECISION')) end += 1;
    if (isWord(this.tokens[at], 'CHAR') && isWord(this.tokens[end], 'VARYING')) end += 1;
    if (end < to && isSymbol(this.tokens[end], '(')) {
      const close = this.closing(end, to);
      if (close !== -1) end = close + 1;
    }
    return Math.min(end, to);
  }
}

function isPathKey(token: Token | undefined): boolean {
  return token?.kind === 'identifier' || token?.kind === 'quoted_identifier';
}

/** An element name as written: unquoted names keep their case (element names are case-sensitive). */
function pathKey(token: Token): string {
  return token.kind === 'quoted_identifier' ? identifierName(token) : token.text;
}

function syntaxErrorAt(token: Token): SnowflakeQueryError {
  return new SnowflakeQueryError(snowflakeErrors.syntax(token.line, token.column - 1, token.text));
}
