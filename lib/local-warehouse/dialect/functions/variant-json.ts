/**
 * JSON as Snowflake reads, stores and prints it. PARSE_JSON is lenient where JSON is strict:
 * keys may be unquoted (`{a: 1}`), an array may leave elements out (`[1, , 3]`, `[1,]`: the
 * missing ones are `undefined`), `TRUE` and `NULL` may be written in any case, and text around
 * the document is ignored; it rejects duplicate keys unless asked to keep the last (`'d'`).
 * An OBJECT keeps its keys sorted, so `TO_JSON(PARSE_JSON('{"b":1,"a":2}'))` is `{"a":2,"b":1}`
 * and two objects with the same pairs are the same text. A number with an exponent is a DOUBLE
 * and prints as `1.912000000000000e+02`; other numbers keep their digits (NUMBER). Results
 * print with two-space indentation, as Snowflake's clients show them.
 * https://docs.snowflake.com/en/sql-reference/functions/parse_json
 * https://docs.snowflake.com/en/sql-reference/functions/get_path
 */

export type JsonNode =
  | { kind: 'null' }
  /** An element an array leaves out, and SQL NULL inside an ARRAY: Snowflake prints `undefined`. */
  | { kind: 'undefined' }
  | { kind: 'boolean'; value: boolean }
  /** The number as written (a DOUBLE already in Snowflake's exponent form). */
  | { kind: 'number'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'array'; items: JsonNode[] }
  /** Keys sorted, each once. */
  | { kind: 'object'; entries: [string, JsonNode][] };

/** Snowflake's "Error parsing JSON" detail: what went wrong and where (1-based, after the offending character). */
export class JsonSyntaxError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'JsonSyntaxError';
  }
}

const WHITESPACE = /\s/;
const BARE_KEY = /[A-Za-z0-9_$]/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
/** NUMBER(38, s) holds 38 digits; a longer number is a DOUBLE. */
const MAX_DIGITS = 38;

/**
 * The document `text` holds, or null for empty or blank text (PARSE_JSON('') is NULL).
 * Throws JsonSyntaxError where Snowflake's parser fails.
 */
export function parseSnowflakeJson(text: string, allowDuplicateKeys = false): JsonNode | null {
  const parser = new Parser(text, allowDuplicateKeys);
  parser.skipWhitespace();
  if (parser.atEnd()) return null;
  const value = parser.value();
  parser.skipWhitespace();
  if (!parser.atEnd()) parser.fail(`unexpected character '${text[parser.pos]}'`, parser.pos + 1);
  return value;
}

class Parser {
  pos = 0;

  constructor(
    private readonly text: string,
    private readonly allowDuplicateKeys: boolean,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipWhitespace(): void {
    while (!this.atEnd() && WHITESPACE.test(this.text[this.pos])) this.pos += 1;
  }

  fail(detail: string, at: number): never {
    throw new JsonSyntaxError(`${detail}, pos ${at}`);
  }

  value(): JsonNode {
    this.skipWhitespace();
    if (this.atEnd()) this.fail('unexpected end of input', this.text.length);
    const ch = this.text[this.pos];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return { kind: 'string', value: this.string() };
    if (ch === '}' || ch === ']' || ch === ',' || ch === ':') this.fail(`misplaced ${ch}`, this.pos + 1);
    const number = NUMBER.exec(this.text.slice(this.pos));
    if (number && !BARE_KEY.test(this.text[this.pos + number[0].length] ?? '')) {
      this.pos += number[0].length;
      return { kind: 'number', text: numberText(number[0]) };
    }
    return this.keyword();
  }

  private keyword(): JsonNode {
    const start = this.pos;
    while (!this.atEnd() && BARE_KEY.test(this.text[this.pos])) this.pos += 1;
    if (this.pos === start) this.fail(`unexpected character '${this.text[start]}'`, start + 1);
    const word = this.text.slice(start, this.pos);
    switch (word.toLowerCase()) {
      case 'true':
        return { kind: 'boolean', value: true };
      case 'false':
        return { kind: 'boolean', value: false };
      case 'null':
        return { kind: 'null' };
      case 'undefined':
        return { kind: 'undefined' };
      default:
        return this.fail(`unknown keyword "${word}"`, this.pos);
    }
  }

  private string(): string {
    const start = this.pos;
    let out = '';
    this.pos += 1;
    for (;;) {
      if (this.atEnd()) this.fail('unterminated string', this.text.length);
      const ch = this.text[this.pos];
      this.pos += 1;
      if (ch === '"') return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      if (this.atEnd()) this.fail('unterminated string', this.text.length);
      const escape = this.text[this.pos];
      this.pos += 1;
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (escape in simple) out += simple[escape];
      else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos, this.pos + 4))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else this.fail(`invalid escape sequence in string starting at ${start + 1}`, this.pos);
    }
  }

  private key(): string {
    if (this.text[this.pos] === '"') return this.string();
    const start = this.pos;
    while (!this.atEnd() && BARE_KEY.test(this.text[this.pos])) this.pos += 1;
    if (this.pos === start) {
      if (this.atEnd()) this.fail('incomplete object value', this.text.length);
      this.fail(`misplaced ${this.text[start]}`, start + 1);
    }
    return this.text.slice(start, this.pos);
  }

  private object(): JsonNode {
    const entries = new Map<string, JsonNode>();
    this.pos += 1;
    for (;;) {
      this.skipWhitespace();
      if (this.atEnd()) this.fail('incomplete object value', this.text.length);
      if (this.text[this.pos] === '}') {
        this.pos += 1;
        break;
      }
      const key = this.key();
      if (entries.has(key) && !this.allowDuplicateKeys) this.fail(`duplicate object attribute "${key}"`, this.pos);
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') {
        if (this.atEnd()) this.fail('incomplete object value', this.text.length);
        this.fail(`expected ':' after object key`, this.pos + 1);
      }
      this.pos += 1;
      // Replacing the key keeps the last value (PARSE_JSON(…, 'd')).
      entries.delete(key);
      entries.set(key, this.value());
      this.skipWhitespace();
      if (this.atEnd()) this.fail('incomplete object value', this.text.length);
      if (this.text[this.pos] === ',') this.pos += 1;
      else if (this.text[this.pos] !== '}') this.fail(`expected ',' or '}' after object value`, this.pos + 1);
    }
    return { kind: 'object', entries: sortedEntries([...entries]) };
  }

  private array(): JsonNode {
    const items: JsonNode[] = [];
    this.pos += 1;
    // After `[` or `,` an element is due; a `,` or `]` there leaves it out.
    let due = true;
    for (;;) {
      this.skipWhitespace();
      if (this.atEnd()) this.fail('incomplete array value', this.text.length);
      const ch = this.text[this.pos];
      if (ch === ']') {
        // `[1,]` leaves its last element out; `[]` has none.
        if (due && items.length > 0) items.push({ kind: 'undefined' });
        this.pos += 1;
        return { kind: 'array', items };
      }
      if (ch === ',') {
        if (due) items.push({ kind: 'undefined' });
        this.pos += 1;
        due = true;
        continue;
      }
      if (!due) this.fail(`expected ',' or ']' after array value`, this.pos + 1);
      items.push(this.value());
      due = false;
    }
  }
}

/** An integer or decimal keeps its digits; a number with an exponent, or too long for NUMBER, is a DOUBLE. */
function numberText(written: string): string {
  const digits = written.replace(/^-/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+(?=\d)/, '');
  if (!/[eE]/.test(written) && digits.length <= MAX_DIGITS) return written;
  return doubleText(Number(written));
}

/** A DOUBLE as Snowflake prints it inside a VARIANT: `3.000000000000000e+00`. */
export function doubleText(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  const [mantissa, exponent] = value.toExponential(15).split('e');
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
}

function sortedEntries(entries: [string, JsonNode][]): [string, JsonNode][] {
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The compact text of a node (TO_JSON's form); `undefined` becomes null, the nearest JSON has. */
export function compactJson(node: JsonNode): string {
  switch (node.kind) {
    case 'null':
    case 'undefined':
      return 'null';
    case 'boolean':
      return String(node.value);
    case 'number':
      return node.text;
    case 'string':
      return JSON.stringify(node.value);
    case 'array':
      return `[${node.items.map(compactJson).join(',')}]`;
    case 'object':
      return `{${node.entries.map(([key, value]) => `${JSON.stringify(key)}:${compactJson(value)}`).join(',')}}`;
  }
}

/**
 * A VARIANT, OBJECT or ARRAY as Snowflake prints it in a result: two-space indentation, one
 * element or pair per line, `"key": value`, keys sorted; `[]` and `{}` when empty.
 */
export function displayJson(node: JsonNode, indent = ''): string {
  const inner = `${indent}  `;
  if (node.kind === 'array' && node.items.length > 0) {
    return `[\n${node.items.map((item) => inner + displayJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (node.kind === 'object' && node.entries.length > 0) {
    const pairs = node.entries.map(([key, value]) => `${inner}${JSON.stringify(key)}: ${displayJson(value, inner)}`);
    return `{\n${pairs.join(',\n')}\n${indent}}`;
  }
  return compactJson(node);
}

/**
 * A path as GET_PATH, the `:` operator and FLATTEN's PATH take it (`a.b[0]`, `"a b".c`,
 * `a['b c']`, `a:b`), as the keys and indexes it walks: a string is a key, a number an index.
 * Throws JsonSyntaxError for a path Snowflake would not read.
 */
export function parseSnowflakePath(path: string): (string | number)[] {
  const steps: (string | number)[] = [];
  let pos = 0;
  const fail = (): never => {
    throw new JsonSyntaxError(`Invalid path '${path}'`);
  };
  const quoted = (quote: string): string => {
    let out = '';
    pos += 1;
    for (;;) {
      if (pos >= path.length) fail();
      if (path[pos] === quote) {
        if (path[pos + 1] !== quote) break;
        pos += 1;
      }
      out += path[pos];
      pos += 1;
    }
    pos += 1;
    return out;
  };
  let first = true;
  while (pos < path.length) {
    const ch = path[pos];
    if (ch === '[') {
      pos += 1;
      const close = path.indexOf(']', pos);
      const inside = close === -1 ? fail() : path.slice(pos, close).trim();
      if (/^\d+$/.test(inside)) steps.push(Number(inside));
      else if (/^'.*'$/s.test(inside) || /^".*"$/s.test(inside)) steps.push(inside.slice(1, -1));
      else fail();
      pos = close + 1;
      first = false;
      continue;
    }
    if (!first) {
      if (ch !== '.' && ch !== ':') fail();
      pos += 1;
    }
    first = false;
    if (path[pos] === '"') {
      steps.push(quoted('"'));
      continue;
    }
    const start = pos;
    while (pos < path.length && !'.:["'.includes(path[pos])) pos += 1;
    if (pos === start) fail();
    steps.push(path.slice(start, pos));
  }
  return steps;
}

/** The JSON Pointer (RFC 6901) DuckDB's json_extract reads for a path's steps; '' is the whole value. */
export function jsonPointer(steps: (string | number)[]): string {
  return steps.map((step) => `/${String(step).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
