/**
 * Multi-table INSERT, which DuckDB has no form of:
 *
 *   INSERT [ OVERWRITE ] ALL intoClause [ … ] <subquery>
 *   INSERT [ OVERWRITE ] { FIRST | ALL } { WHEN <condition> THEN intoClause [ … ] } [ … ]
 *     [ ELSE intoClause [ … ] ] <subquery>
 *   intoClause ::= INTO <table> [ ( <cols> ) ] [ VALUES ( { <source col> | DEFAULT | NULL } [ , … ] ) ]
 *
 * The subquery runs once, into a scratch table; each INTO clause then inserts the rows its WHEN
 * selects (ALL: every WHEN that holds; FIRST: the first; ELSE: rows no WHEN holds for). All in
 * one transaction, OVERWRITE emptying each target first. The answer has one column per target
 * table, "number of rows inserted into <table>", in the order the tables are first named.
 * https://docs.snowflake.com/en/sql-reference/sql/insert-multi-table
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { displayName, objectNameAt, type ObjectName } from './object-name';
import { countOf, scratchTable, type RunStep, type StatementPlan } from './plan-steps';
import { closingParen, quoteIdentifier, significantTokens, sourceOf, splitTopLevel } from './tokens';

interface IntoClause {
  target: ObjectName;
  /** The column names, as written, or null for all of the table's columns. */
  columns: string[] | null;
  /** The VALUES expressions, or null to insert the subquery's columns in order. */
  values: string[] | null;
}

interface Branch {
  /** The WHEN condition; null for ELSE and for an unconditional insert. */
  condition: string | null;
  isElse: boolean;
  intos: IntoClause[];
}

interface MultiTableInsert {
  overwrite: boolean;
  first: boolean;
  branches: Branch[];
  subquery: string;
}

function syntaxError(token: Token | undefined, sql: string): SnowflakeQueryError {
  if (!token) {
    const lines = sql.split('\n');
    return new SnowflakeQueryError(snowflakeErrors.syntax(lines.length, lines[lines.length - 1].length, '<EOF>'));
  }
  return new SnowflakeQueryError(snowflakeErrors.syntax(token.line, token.column - 1, token.text));
}

/** The statement's parts, null when it is no multi-table INSERT; throws on a malformed one. */
export function parseMultiTableInsert(sql: string): MultiTableInsert | null {
  const tokens = significantTokens(sql);
  if (!isWord(tokens[0], 'INSERT')) return null;
  let i = 1;
  const overwrite = isWord(tokens[i], 'OVERWRITE');
  if (overwrite) i += 1;
  const first = isWord(tokens[i], 'FIRST');
  if (!first && !isWord(tokens[i], 'ALL')) return null;
  i += 1;

  const readInto = (): IntoClause => {
    const target = objectNameAt(sql, tokens, i + 1);
    if (!target) throw syntaxError(tokens[i + 1], sql);
    i = target.end;
    const list = (): string[] => {
      const close = closingParen(tokens, i);
      if (close === -1) throw syntaxError(undefined, sql);
      const items = splitTopLevel(tokens, i + 1, close).map(([from, to]) => sourceOf(sql, tokens, from, to));
      i = close + 1;
      return items;
    };
    const columns = isSymbol(tokens[i], '(') && !isWord(tokens[i + 1], 'SELECT') && !isWord(tokens[i + 1], 'WITH') ? list() : null;
    let values: string[] | null = null;
    if (isWord(tokens[i], 'VALUES')) {
      i += 1;
      if (!isSymbol(tokens[i], '(')) throw syntaxError(tokens[i], sql);
      values = list();
    }
    return { target, columns, values };
  };
  const readIntos = (): IntoClause[] => {
    const intos: IntoClause[] = [];
    while (isWord(tokens[i], 'INTO')) intos.push(readInto());
    if (intos.length === 0) throw syntaxError(tokens[i], sql);
    return intos;
  };

  const branches: Branch[] = [];
  if (isWord(tokens[i], 'INTO')) {
    // An unconditional insert takes ALL only.
    if (first) throw syntaxError(tokens[i], sql);
    branches.push({ condition: null, isElse: false, intos: readIntos() });
  } else {
    if (!isWord(tokens[i], 'WHEN')) throw syntaxError(tokens[i], sql);
    while (isWord(tokens[i], 'WHEN')) {
      const start = i + 1;
      i = conditionEnd(tokens, start);
      if (!isWord(tokens[i], 'THEN') || i === start) throw syntaxError(tokens[i], sql);
      const condition = sourceOf(sql, tokens, start, i);
      i += 1;
      branches.push({ condition, isElse: false, intos: readIntos() });
    }
    if (isWord(tokens[i], 'ELSE')) {
      i += 1;
      branches.push({ condition: null, isElse: true, intos: readIntos() });
    }
  }
  if (i >= tokens.length) throw syntaxError(undefined, sql);
  return { overwrite, first, branches, subquery: sourceOf(sql, tokens, i, tokens.length) };
}

/** Index of the THEN ending a WHEN condition (CASE … WHEN … THEN … END inside it skipped). */
function conditionEnd(tokens: Token[], from: number): number {
  let depth = 0;
  let cases = 0;
  for (let i = from; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (isSymbol(token, '(')) depth += 1;
    else if (isSymbol(token, ')')) depth -= 1;
    else if (isWord(token, 'CASE')) cases += 1;
    else if (isWord(token, 'END') && cases > 0) cases -= 1;
    else if (depth === 0 && cases === 0 && isWord(token, 'THEN')) return i;
  }
  return tokens.length;
}

/** The WHERE clause selecting a branch's rows, or '' for every row. */
export function branchFilter(statement: MultiTableInsert, index: number): string {
  const branch = statement.branches[index];
  const holds = (condition: string) => `(${condition}) IS TRUE`;
  const conditions = statement.branches.filter((other) => other.condition !== null).map((other) => other.condition as string);
  if (branch.isElse) return ` WHERE NOT (${conditions.map(holds).join(' OR ')})`;
  if (branch.condition === null) return '';
  if (!statement.first) return ` WHERE ${holds(branch.condition)}`;
  // FIRST: this condition holds and none before it did.
  const earlier = conditions.slice(0, index);
  return ` WHERE ${[holds(branch.condition), ...earlier.map((condition) => `NOT ${holds(condition)}`)].join(' AND ')}`;
}

/** The INSERT for one INTO clause, reading `source`; VALUES' DEFAULT leaves its column to the default. */
async function insertFor(into: IntoClause, source: string, filter: string, run: RunStep): Promise<string> {
  const { target, columns, values } = into;
  if (!values) return `INSERT INTO ${target.text}${columns ? ` (${columns.join(', ')})` : ''} SELECT * FROM ${source}${filter}`;
  let names = columns;
  if (values.some((value) => /^default$/i.test(value.trim()))) {
    names ??= (await run(`SELECT * FROM ${target.text} LIMIT 0`)).names.map(quoteIdentifier);
  }
  const kept = values.map((value, k) => ({ value, name: names?.[k] })).filter(({ value }) => !/^default$/i.test(value.trim()));
  const list = names ? ` (${kept.map(({ name }) => name).join(', ')})` : '';
  return `INSERT INTO ${target.text}${list} SELECT ${kept.map(({ value }) => value).join(', ')} FROM ${source}${filter}`;
}

export function multiTableInsertPlan(sql: string): StatementPlan | null {
  const statement = parseMultiTableInsert(sql);
  if (!statement) return null;
  const targets = new Map<string, ObjectName>();
  for (const into of statement.branches.flatMap((branch) => branch.intos)) {
    if (!targets.has(displayName(into.target))) targets.set(displayName(into.target), into.target);
  }
  return {
    atomic: true,
    async execute(run) {
      const source = scratchTable('INSERT_SOURCE');
      await run(`CREATE TEMP TABLE ${source} AS ${statement.subquery}`);
      if (statement.overwrite) for (const target of targets.values()) await run(`DELETE FROM ${target.text}`);
      const counts = new Map([...targets.keys()].map((name) => [name, 0]));
      for (const [index, branch] of statement.branches.entries()) {
        const filter = branchFilter(statement, index);
        for (const into of branch.intos) {
          const inserted = countOf(await run(await insertFor(into, source, filter, run)));
          const name = displayName(into.target);
          counts.set(name, (counts.get(name) ?? 0) + inserted);
        }
      }
      await run(`DROP TABLE ${source}`);
      const names = [...counts.keys()];
      const values = names.map((name) => counts.get(name) ?? 0);
      return {
        kind: 'counts',
        names: names.map((name) => `number of rows inserted into ${name}`),
        counts: values,
        rows: values.reduce((sum, count) => sum + count, 0),
      };
    },
  };
}
