/**
 * MERGE as Snowflake answers it:
 * - its one-row result counts each kind of change apart, under a column per kind of clause the
 *   statement has: "number of rows inserted" (a WHEN NOT MATCHED clause), "number of rows updated"
 *   (an UPDATE clause), "number of rows deleted" (a DELETE clause), in that order. DuckDB answers
 *   one total, so the MERGE runs with `RETURNING merge_action` and the actions are counted;
 * - with ERROR_ON_NONDETERMINISTIC_MERGE at its default (TRUE), a MERGE that would update a
 *   target row from more than one source row, or both update and delete it, fails with 100090
 *   and the row's values, changing nothing. A target row's source rows each take the first WHEN
 *   MATCHED clause whose condition holds; the merge is deterministic when those rows are all
 *   deletes, or one update alone. DuckDB applies such a merge anyway, so the statement first
 *   looks for such a row.
 * The statement arrives translated: the string functions' rewrite has taken `THEN INSERT (…)`
 * for a call of Snowflake's INSERT function and renamed it, which is undone here.
 * https://docs.snowflake.com/en/sql-reference/sql/merge
 * https://docs.snowflake.com/en/sql-reference/parameters#error-on-nondeterministic-merge
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { objectNameAt } from './object-name';
import type { RunStep, StatementPlan } from './plan-steps';
import { applyEdits, closingParen, significantTokens, sourceOf, type Edit } from './tokens';

type Action = 'INSERT' | 'UPDATE' | 'DELETE';

interface MatchedClause {
  /** The clause's `AND` condition, or null when it has none. */
  condition: string | null;
  action: Action;
}

interface Merge {
  /** The target table as written, and the name its columns are qualified with. */
  target: string;
  targetName: string;
  targetRef: string;
  /** The source as written, with its alias. */
  source: string;
  on: string;
  matched: MatchedClause[];
  inserts: boolean;
  /** The statement as DuckDB runs it, saying which action changed each row. */
  sql: string;
}

const isName = (token: Token | undefined): token is Token => token?.kind === 'identifier' || token?.kind === 'quoted_identifier';

/** Index after an optional `[AS] alias` at `at` (an alias is a name other than `stop`). */
function afterAlias(tokens: Token[], at: number, stop: string): number {
  if (isWord(tokens[at], 'AS')) return at + 2;
  return isName(tokens[at]) && !isWord(tokens[at], stop) ? at + 1 : at;
}

/** Index of the next top-level WHEN at or after `from`, or the statement's end. */
function nextWhen(tokens: Token[], from: number): number {
  let depth = 0;
  for (let i = from; i < tokens.length; i += 1) {
    if (isSymbol(tokens[i], '(')) depth += 1;
    else if (isSymbol(tokens[i], ')')) depth -= 1;
    else if (depth === 0 && isWord(tokens[i], 'WHEN')) return i;
  }
  return tokens.length;
}

/** The MERGE's parts, or null when the statement is not one this plan understands. */
export function parseMerge(sql: string): Merge | null {
  const tokens = significantTokens(sql);
  if (!isWord(tokens[0], 'MERGE') || !isWord(tokens[1], 'INTO')) return null;
  const name = objectNameAt(sql, tokens, 2);
  if (!name) return null;
  const using = afterAlias(tokens, name.end, 'USING');
  if (!isWord(tokens[using], 'USING')) return null;
  const sourceEnd = isSymbol(tokens[using + 1], '(') ? closingParen(tokens, using + 1) + 1 : (objectNameAt(sql, tokens, using + 1)?.end ?? -1);
  if (sourceEnd <= 0) return null;
  const on = afterAlias(tokens, sourceEnd, 'ON');
  if (!isWord(tokens[on], 'ON')) return null;
  const merge: Merge = {
    target: sourceOf(sql, tokens, 2, using),
    targetName: name.text,
    targetRef: using > name.end ? tokens[using - 1].text : tokens[name.end - 1].text,
    source: sourceOf(sql, tokens, using + 1, on),
    on: '',
    matched: [],
    inserts: false,
    sql,
  };
  let when = nextWhen(tokens, on + 1);
  merge.on = sourceOf(sql, tokens, on + 1, when);
  const edits: Edit[] = [];
  while (when < tokens.length) {
    const end = nextWhen(tokens, when + 1);
    const notMatched = isWord(tokens[when + 1], 'NOT');
    const then = tokens.findIndex((token, i) => i > when && i < end && isWord(token, 'THEN'));
    if (then === -1) return null;
    const action = tokens[then + 1];
    if (notMatched) {
      merge.inserts = true;
    } else {
      const and = isWord(tokens[when + 2], 'AND') ? when + 2 : -1;
      const kind = isWord(action, 'DELETE') ? 'DELETE' : isWord(action, 'UPDATE') ? 'UPDATE' : null;
      if (!kind) return null;
      merge.matched.push({ condition: and === -1 ? null : sourceOf(sql, tokens, and + 1, then), action: kind });
    }
    when = end;
  }
  const last = tokens[tokens.length - (isSymbol(tokens[tokens.length - 1], ';') ? 2 : 1)];
  edits.push({ start: last.end, end: last.end, text: ' RETURNING merge_action' });
  merge.sql = applyEdits(sql, edits);
  return merge;
}

/** How Snowflake lists a row's values in its duplicate-row error: `[0, "abc", NULL]`. */
export function rowValues(row: unknown[]): string {
  const value = (cell: unknown) => (cell === null ? 'NULL' : typeof cell === 'string' ? JSON.stringify(cell) : String(cell));
  return `[${row.map(value).join(', ')}]`;
}

/** Throws 100090 when a target row would be updated from several source rows (see above). */
async function refuseNondeterministicMerge(merge: Merge, run: RunStep): Promise<void> {
  if (!merge.matched.some((clause) => clause.action === 'UPDATE')) return;
  const branches = merge.matched.map((clause) => `WHEN ${clause.condition ?? 'TRUE'} THEN '${clause.action}'`).join(' ');
  const action = `CASE ${branches} END`;
  const row = `${merge.targetRef}.rowid`;
  const found = await run(
    `SELECT ${row} FROM ${merge.target} JOIN ${merge.source} ON ${merge.on} GROUP BY ${row} ` +
      `HAVING COUNT(${action}) >= 2 AND COUNT(CASE WHEN ${action} = 'UPDATE' THEN 1 END) >= 1 LIMIT 1`,
  );
  if (found.rows.length === 0) return;
  const values = await run(`SELECT * FROM ${merge.targetName} WHERE rowid = ${String(found.rows[0][0])}`);
  throw new SnowflakeQueryError(snowflakeErrors.duplicateDmlRow(rowValues(values.rows[0] ?? [])));
}

export function mergePlan(sql: string): StatementPlan | null {
  const merge = parseMerge(sql);
  if (!merge) return null;
  const kinds: [Action, string][] = [
    ['INSERT', 'number of rows inserted'],
    ['UPDATE', 'number of rows updated'],
    ['DELETE', 'number of rows deleted'],
  ];
  const present = kinds.filter(([action]) => (action === 'INSERT' ? merge.inserts : merge.matched.some((clause) => clause.action === action)));
  return {
    atomic: true,
    async execute(run) {
      await refuseNondeterministicMerge(merge, run);
      const changed = await run(merge.sql);
      const counts = present.map(([action]) => changed.rows.filter(([done]) => done === action).length);
      return { kind: 'counts', names: present.map(([, name]) => name), counts, rows: changed.rows.length };
    },
  };
}
