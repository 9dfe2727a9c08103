/**
 * Finding Snowflake function calls and their window clauses in a statement's tokens, for the
 * function families' token rewrites: `NAME ( args ) [modifiers] OVER ( [PARTITION BY …]
 * [ORDER BY …] [frame] )`.
 * https://docs.snowflake.com/en/sql-reference/functions-window-syntax
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { applyEdits, closingParen, significantTokens, splitTopLevel, type Edit } from '../tokens';

export interface CallSite {
  /** Index of the function's name. */
  name: number;
  /** Indexes of its `(` and `)`. */
  open: number;
  close: number;
  /** [from, to) token ranges of its arguments. */
  args: [number, number][];
}

/**
 * Every call of one of `names` (upper case), nested ones included, in the order they start: a
 * name followed by `(`, not a part of a qualified name (`s.f(…)`) nor a column `t.round`.
 */
export function callSites(tokens: Token[], names: readonly string[]): CallSite[] {
  const sites: CallSite[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token.kind !== 'identifier' || !names.includes(token.text.toUpperCase())) continue;
    if (!isSymbol(tokens[i + 1], '(') || isSymbol(tokens[i - 1], '.')) continue;
    const close = closingParen(tokens, i + 1);
    if (close === -1) continue;
    sites.push({ name: i, open: i + 1, close, args: splitTopLevel(tokens, i + 2, close) });
  }
  return sites;
}

export interface WindowClause {
  /** Index of `OVER`. */
  over: number;
  /** Indexes of the window specification's `(` and `)`. */
  open: number;
  close: number;
  /** [from, to) of `PARTITION BY …` (keywords included), when present. */
  partition: [number, number] | null;
  /** [from, to) of `ORDER BY …`, when present. */
  order: [number, number] | null;
  /** [from, to) of the frame (`ROWS …`, `RANGE …`, `GROUPS …`), when present. */
  frame: [number, number] | null;
}

const FRAME_WORDS = ['ROWS', 'RANGE', 'GROUPS'];

/** The `OVER ( … )` starting at tokens[at], or null when there is none (or it names a window). */
export function windowClause(tokens: Token[], at: number): WindowClause | null {
  if (!isWord(tokens[at], 'OVER') || !isSymbol(tokens[at + 1], '(')) return null;
  const close = closingParen(tokens, at + 1);
  if (close === -1) return null;
  const starts: { kind: 'partition' | 'order' | 'frame'; at: number }[] = [];
  let depth = 0;
  for (let i = at + 2; i < close; i += 1) {
    if (isSymbol(tokens[i], '(')) depth += 1;
    else if (isSymbol(tokens[i], ')')) depth -= 1;
    else if (depth > 0) continue;
    else if (isWord(tokens[i], 'PARTITION') && isWord(tokens[i + 1], 'BY')) starts.push({ kind: 'partition', at: i });
    else if (isWord(tokens[i], 'ORDER') && isWord(tokens[i + 1], 'BY')) starts.push({ kind: 'order', at: i });
    else if (FRAME_WORDS.some((word) => isWord(tokens[i], word))) starts.push({ kind: 'frame', at: i });
  }
  const part = (kind: string): [number, number] | null => {
    const index = starts.findIndex((start) => start.kind === kind);
    if (index === -1) return null;
    return [starts[index].at, starts[index + 1]?.at ?? close];
  };
  return { over: at, open: at + 1, close, partition: part('partition'), order: part('order'), frame: part('frame') };
}

/**
 * Rewrites the statement's calls until nothing more changes. `rewrite` returns one edit per call
 * it rewrites, spanning the whole call; where calls nest, the outermost is rewritten first and
 * keeps the inner call's text, which the next pass rewrites.
 */
export function rewriteCalls(sql: string, rewrite: (sql: string, tokens: Token[]) => Edit[]): string {
  let text = sql;
  // Each pass rewrites at least one call into text its rewrite no longer matches, so the passes
  // are bounded by the nesting depth; the cap only guards against a rewrite that would loop.
  for (let passes = 0; passes < 64; passes += 1) {
    const edits = outermost(rewrite(text, significantTokens(text)));
    if (edits.length === 0) return text;
    text = applyEdits(text, edits);
  }
  return text;
}

/** The edits that do not overlap an earlier, wider one. */
function outermost(edits: Edit[]): Edit[] {
  const kept: Edit[] = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = kept[kept.length - 1];
    if (last && edit.start < last.end) continue;
    kept.push(edit);
  }
  return kept;
}
