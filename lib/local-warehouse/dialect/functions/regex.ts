/**
 * Snowflake's regular-expression functions on DuckDB's RE2: REGEXP_COUNT, REGEXP_LIKE / RLIKE
 * (also infix, `s RLIKE p`, `s REGEXP p`), REGEXP_SUBSTR, REGEXP_SUBSTR_ALL / REGEXP_EXTRACT_ALL,
 * REGEXP_REPLACE and REGEXP_INSTR, with position, occurrence, the parameters `c i m e s` and group
 * numbers.
 * - Parameters become inline flags (`(?ims)`); of `c` and `i` the last one wins.
 * - An empty pattern matches nothing (REGEXP_LIKE: only the empty subject, it is anchored).
 * - Matching starts at `position`, on the subject from there (as Snowflake does: `\b` and `^`
 *   see that rest, not the characters before it).
 * - Where a match starts is not something RE2 reports: the pattern is wrapped as
 *   `(?s:(.*?))(pattern)`, whose first group is the text between one match and the next, so a
 *   match's offset is the sum of the gaps and matches before it (an empty match moves the search
 *   on by one character, which counts too). REGEXP_INSTR of a group adds the group's offset in
 *   its match (regex-groups.ts); it needs the pattern as a constant.
 * - REGEXP_REPLACE of one occurrence replaces the first match of the subject from where that
 *   occurrence starts.
 * A pattern RE2 rejects fails with Snowflake's "Invalid regular expression" (engine/snowflake-errors.ts).
 * https://docs.snowflake.com/en/sql-reference/functions-regexp
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../../engine/snowflake-errors';
import { applyEdits, numberValue, significantTokens, sourceOf, sqlString, type Edit } from '../tokens';
import { callSites, rewriteCalls } from './call-sites';
import { raiseSql } from './raise';
import { countGroups, groupOffsetPattern } from './regex-groups';
import { constantString } from './string-literals';
import { tryOn } from './try-on';

/** A pattern that matches nothing, for the empty pattern. */
const NOTHING = `'[^\\x00-\\x{10FFFF}]'`;

const invalidArgument = (fn: string, position: number, value: string, rule: string) =>
  raiseSql('100000', '22023', `'Invalid value [' || ${value} || '] for function ''${fn}'', parameter ${position}: ${rule}'`);

/** `value` itself, or the statement fails when it is below 1. */
const positive = (fn: string, position: number, value: string) =>
  `(CASE WHEN ${value} < 1 THEN ${invalidArgument(fn, position, `${value}::VARCHAR`, 'must be a positive integer')}::BIGINT ELSE ${value}::BIGINT END)`;

export const REGEX_MACROS: readonly string[] = [
  `CREATE OR REPLACE MACRO SF_RE_FLAGS(params) AS ` +
    `(CASE WHEN regexp_matches(params, 'i[^ci]*$') THEN 'i' ELSE '' END) || ` +
    `(CASE WHEN contains(params, 'm') THEN 'm' ELSE '' END) || (CASE WHEN contains(params, 's') THEN 's' ELSE '' END)`,
  `CREATE OR REPLACE MACRO SF_RE_FLAGGED(pattern, params) AS CASE WHEN pattern IS NULL OR params IS NULL THEN NULL ` +
    `WHEN SF_RE_FLAGS(params) = '' THEN pattern::VARCHAR ELSE '(?' || SF_RE_FLAGS(params) || ')' || pattern::VARCHAR END`,
  `CREATE OR REPLACE MACRO SF_RE_PATTERN(pattern, params) AS CASE WHEN pattern::VARCHAR = '' THEN ${NOTHING} ` +
    `ELSE SF_RE_FLAGGED(pattern, params) END`,
  // The subject from `position` on, and in front of it.
  `CREATE OR REPLACE MACRO SF_RE_FROM(s, pos) AS array_slice(s, pos, length(s))`,
  `CREATE OR REPLACE MACRO SF_RE_BEFORE(s, pos) AS array_slice(s, 1, pos - 1)`,
  // The group to extract: the one given, else 1 with 'e' when the pattern has groups, else the match.
  `CREATE OR REPLACE MACRO SF_RE_GROUP(fn, p, params, grp) AS CASE ` +
    `WHEN grp > 0 AND ${tryOn('SF_RE_PATTERN(p, params)', "regexp_extract_all('', v, grp::INTEGER)")} IS NULL ` +
    `THEN ${invalidArgument("' || fn || '", 6, 'grp::VARCHAR', 'the pattern has no such group')}::INTEGER ` +
    `WHEN grp >= 0 THEN grp::INTEGER ` +
    `WHEN contains(params, 'e') AND ${tryOn('SF_RE_PATTERN(p, params)', "regexp_extract_all('', v, 1)")} IS NOT NULL THEN 1 ELSE 0 END::INTEGER`,
  // The wrapped pattern whose group 1 is the text before each match and group 2 the match.
  `CREATE OR REPLACE MACRO SF_RE_SPLIT(pattern) AS '(?s:(.*?))(' || pattern || ')'`,
  `CREATE OR REPLACE MACRO SF_RE_START0(gaps, matches, k) AS coalesce(list_sum(list_transform(range(1, k), ` +
    `lambda j: length(gaps[j]) + length(matches[j]) + CASE WHEN matches[j] = '' THEN 1 ELSE 0 END)), 0) + length(gaps[k])`,

  `CREATE OR REPLACE MACRO SF_RE_COUNT(s, p, pos, params) AS CASE WHEN s IS NULL OR p IS NULL OR pos IS NULL OR params IS NULL THEN NULL ` +
    `ELSE len(regexp_extract_all(SF_RE_FROM(s::VARCHAR, ${positive('REGEXP_COUNT', 3, 'pos')}), SF_RE_PATTERN(p, params))) END`,
  `CREATE OR REPLACE MACRO REGEXP_COUNT(s, p) AS SF_RE_COUNT(s, p, 1, 'c'), (s, p, pos) AS SF_RE_COUNT(s, p, pos, 'c'), ` +
    `(s, p, pos, params) AS SF_RE_COUNT(s, p, pos, params)`,

  `CREATE OR REPLACE MACRO SF_RE_LIKE(s, p, params) AS CASE WHEN s IS NULL OR p IS NULL OR params IS NULL THEN NULL ` +
    `ELSE regexp_full_match(s::VARCHAR, SF_RE_FLAGGED(p, params)) END`,
  `CREATE OR REPLACE MACRO REGEXP_LIKE(s, p) AS SF_RE_LIKE(s, p, 'c'), (s, p, params) AS SF_RE_LIKE(s, p, params)`,
  `CREATE OR REPLACE MACRO RLIKE(s, p) AS SF_RE_LIKE(s, p, 'c'), (s, p, params) AS SF_RE_LIKE(s, p, params)`,

  `CREATE OR REPLACE MACRO SF_RE_MATCHES(s, p, pos, params, grp, fn) AS regexp_extract_all(` +
    `SF_RE_FROM(s::VARCHAR, ${positive("' || fn || '", 3, 'pos')}), SF_RE_PATTERN(p, params), SF_RE_GROUP(fn, p, params, grp))`,
  `CREATE OR REPLACE MACRO SF_RE_SUBSTR(s, p, pos, occ, params, grp) AS CASE ` +
    `WHEN s IS NULL OR p IS NULL OR pos IS NULL OR occ IS NULL OR params IS NULL OR grp IS NULL THEN NULL ` +
    `ELSE SF_RE_MATCHES(s, p, pos, params, grp, 'REGEXP_SUBSTR')[${positive('REGEXP_SUBSTR', 4, 'occ')}] END`,
  `CREATE OR REPLACE MACRO REGEXP_SUBSTR(s, p) AS SF_RE_SUBSTR(s, p, 1, 1, 'c', -1), ` +
    `(s, p, pos) AS SF_RE_SUBSTR(s, p, pos, 1, 'c', -1), (s, p, pos, occ) AS SF_RE_SUBSTR(s, p, pos, occ, 'c', -1), ` +
    `(s, p, pos, occ, params) AS SF_RE_SUBSTR(s, p, pos, occ, params, -1), ` +
    `(s, p, pos, occ, params, grp) AS SF_RE_SUBSTR(s, p, pos, occ, params, grp)`,
  `CREATE OR REPLACE MACRO SF_RE_SUBSTR_ALL(s, p, pos, occ, params, grp) AS CASE ` +
    `WHEN s IS NULL OR p IS NULL OR pos IS NULL OR occ IS NULL OR params IS NULL OR grp IS NULL THEN NULL ` +
    `ELSE to_json(array_slice(SF_RE_MATCHES(s, p, pos, params, grp, 'REGEXP_SUBSTR_ALL'), ${positive('REGEXP_SUBSTR_ALL', 4, 'occ')}, ` +
    `len(SF_RE_MATCHES(s, p, pos, params, grp, 'REGEXP_SUBSTR_ALL')))) END`,
  `CREATE OR REPLACE MACRO REGEXP_SUBSTR_ALL(s, p) AS SF_RE_SUBSTR_ALL(s, p, 1, 1, 'c', -1), ` +
    `(s, p, pos) AS SF_RE_SUBSTR_ALL(s, p, pos, 1, 'c', -1), (s, p, pos, occ) AS SF_RE_SUBSTR_ALL(s, p, pos, occ, 'c', -1), ` +
    `(s, p, pos, occ, params) AS SF_RE_SUBSTR_ALL(s, p, pos, occ, params, -1), ` +
    `(s, p, pos, occ, params, grp) AS SF_RE_SUBSTR_ALL(s, p, pos, occ, params, grp)`,

  `CREATE OR REPLACE MACRO SF_RE_REPLACE_NTH(rest, pattern, replacement, occ) AS CASE ` +
    `WHEN len(regexp_extract_all(rest, SF_RE_SPLIT(pattern), 2)) < occ THEN rest ` +
    `ELSE array_slice(rest, 1, SF_RE_START0(regexp_extract_all(rest, SF_RE_SPLIT(pattern), 1), regexp_extract_all(rest, SF_RE_SPLIT(pattern), 2), occ)) || ` +
    `regexp_replace(array_slice(rest, SF_RE_START0(regexp_extract_all(rest, SF_RE_SPLIT(pattern), 1), ` +
    `regexp_extract_all(rest, SF_RE_SPLIT(pattern), 2), occ) + 1, length(rest)), pattern, replacement) END`,
  `CREATE OR REPLACE MACRO SF_RE_REPLACE_AT(s, p, r, pos, occ, params) AS CASE WHEN occ = 0 ` +
    `THEN SF_RE_BEFORE(s, pos) || regexp_replace(SF_RE_FROM(s, pos), SF_RE_PATTERN(p, params), r, 'g') ` +
    `ELSE SF_RE_BEFORE(s, pos) || SF_RE_REPLACE_NTH(SF_RE_FROM(s, pos), SF_RE_PATTERN(p, params), r, occ) END`,
  `CREATE OR REPLACE MACRO SF_RE_REPLACE6(s, p, r, pos, occ, params) AS CASE ` +
    `WHEN s IS NULL OR p IS NULL OR r IS NULL OR pos IS NULL OR occ IS NULL OR params IS NULL THEN NULL ` +
    `WHEN occ < 0 THEN ${invalidArgument('REGEXP_REPLACE', 5, 'occ::VARCHAR', 'must be a non-negative integer')}::VARCHAR ` +
    `ELSE SF_RE_REPLACE_AT(s::VARCHAR, p, r::VARCHAR, ${positive('REGEXP_REPLACE', 4, 'pos')}, occ::BIGINT, params) END`,
  // REGEXP_REPLACE is renamed to this (a macro named REGEXP_REPLACE would shadow the function the others call).
  `CREATE OR REPLACE MACRO SF_RE_REPLACE(s, p) AS SF_RE_REPLACE6(s, p, '', 1, 0, 'c'), ` +
    `(s, p, r) AS SF_RE_REPLACE6(s, p, r, 1, 0, 'c'), (s, p, r, pos) AS SF_RE_REPLACE6(s, p, r, pos, 0, 'c'), ` +
    `(s, p, r, pos, occ) AS SF_RE_REPLACE6(s, p, r, pos, occ, 'c'), ` +
    `(s, p, r, pos, occ, params) AS SF_RE_REPLACE6(s, p, r, pos, occ, params)`,

  // REGEXP_INSTR: 0 when there is no such occurrence; option 1 is the position after the match (or group).
  `CREATE OR REPLACE MACRO SF_RE_INSTR_CHECKED(s, p, pos, occ, option, params, value) AS CASE ` +
    `WHEN s IS NULL OR p IS NULL OR pos IS NULL OR occ IS NULL OR option IS NULL OR params IS NULL THEN NULL ` +
    `WHEN pos < 1 THEN ${invalidArgument('REGEXP_INSTR', 3, 'pos::VARCHAR', 'must be a positive integer')}::BIGINT ` +
    `WHEN occ < 1 THEN ${invalidArgument('REGEXP_INSTR', 4, 'occ::VARCHAR', 'must be a positive integer')}::BIGINT ` +
    `WHEN option NOT IN (0, 1) THEN ${invalidArgument('REGEXP_INSTR', 5, 'option::VARCHAR', 'must be 0 or 1')}::BIGINT ` +
    `ELSE value END`,
  `CREATE OR REPLACE MACRO SF_RE_INSTR_GROUP(gaps, matches, texts, prefixes, pos, occ, option) AS CASE ` +
    `WHEN len(matches) < occ OR texts[occ] IS NULL THEN 0 ` +
    `ELSE pos + SF_RE_START0(gaps, matches, occ) + coalesce(list_sum(list_transform(prefixes, lambda l: length(l[occ]))), 0) + ` +
    `CASE WHEN option = 1 THEN length(texts[occ]) ELSE 0 END END`,
  `CREATE OR REPLACE MACRO SF_RE_INSTR(s, p, pos, occ, option, params, grp) AS SF_RE_INSTR_CHECKED(s, p, pos, occ, option, params, ` +
    `CASE WHEN SF_RE_GROUP('REGEXP_INSTR', p, params, grp) > 0 ` +
    `THEN ${raiseSql('000002', '0A000', `'Unsupported feature ''REGEXP_INSTR of a capture group with a pattern that is not a constant'' in the local warehouse.'`)}::BIGINT ` +
    `ELSE SF_RE_INSTR_GROUP(regexp_extract_all(SF_RE_FROM(s::VARCHAR, pos::BIGINT), SF_RE_SPLIT(SF_RE_PATTERN(p, params)), 1), ` +
    `regexp_extract_all(SF_RE_FROM(s::VARCHAR, pos::BIGINT), SF_RE_SPLIT(SF_RE_PATTERN(p, params)), 2), ` +
    `regexp_extract_all(SF_RE_FROM(s::VARCHAR, pos::BIGINT), SF_RE_SPLIT(SF_RE_PATTERN(p, params)), 2), ` +
    `[]::VARCHAR[][], pos, occ, option) END)`,
  `CREATE OR REPLACE MACRO REGEXP_INSTR(s, p) AS SF_RE_INSTR(s, p, 1, 1, 0, 'c', -1), ` +
    `(s, p, pos) AS SF_RE_INSTR(s, p, pos, 1, 0, 'c', -1), (s, p, pos, occ) AS SF_RE_INSTR(s, p, pos, occ, 0, 'c', -1), ` +
    `(s, p, pos, occ, option) AS SF_RE_INSTR(s, p, pos, occ, option, 'c', -1), ` +
    `(s, p, pos, occ, option, params) AS SF_RE_INSTR(s, p, pos, occ, option, params, -1), ` +
    `(s, p, pos, occ, option, params, grp) AS SF_RE_INSTR(s, p, pos, occ, option, params, grp)`,
];

/** Words before which `RLIKE` / `REGEXP` is a function call, not the infix operator. */
const NOT_AN_OPERAND = new Set([
  'SELECT', 'WHERE', 'AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE', 'ON', 'HAVING', 'BY', 'QUALIFY', 'RETURN', 'IN',
  'CASE', 'DISTINCT', 'AS', 'IS', 'LIKE', 'ILIKE', 'BETWEEN', 'EXISTS',
]);

/** Whether the token ends an operand (a name, a constant or a closing bracket). */
export function endsOperand(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'identifier') return !NOT_AN_OPERAND.has(token.text.toUpperCase());
  return ['quoted_identifier', 'number', 'string', 'dollar_string'].includes(token.kind) || isSymbol(token, ')') || isSymbol(token, ']');
}

/** `s [NOT] RLIKE p` and `s [NOT] REGEXP p` → DuckDB's full-match operator, `s [NOT] SIMILAR TO p`. */
function infixRlike(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    if (!isWord(token, 'RLIKE') && !isWord(token, 'REGEXP')) return;
    const before = isWord(tokens[i - 1], 'NOT') ? tokens[i - 2] : tokens[i - 1];
    if (!endsOperand(before)) return;
    edits.push({ start: token.start, end: token.end, text: 'SIMILAR TO' });
  });
  return applyEdits(sql, edits);
}

/** REGEXP_REPLACE → SF_RE_REPLACE; REGEXP_EXTRACT_ALL is REGEXP_SUBSTR_ALL. */
function renameCalls(sql: string): string {
  const tokens = significantTokens(sql);
  const renames: Record<string, string> = { REGEXP_REPLACE: 'SF_RE_REPLACE', REGEXP_EXTRACT_ALL: 'REGEXP_SUBSTR_ALL' };
  const edits = callSites(tokens, Object.keys(renames)).map((site) => {
    const name = tokens[site.name];
    return { start: name.start, end: name.end, text: renames[name.text.toUpperCase()] };
  });
  return applyEdits(sql, edits);
}

/**
 * REGEXP_INSTR of a capture group, with the pattern a constant: the call becomes the offset
 * arithmetic over the rewritten pattern's groups (regex-groups.ts). Without a group, or with a
 * pattern that is not a constant, the REGEXP_INSTR macro answers.
 */
function groupInstr(sql: string): string {
  return rewriteCalls(sql, (text, tokens) =>
    callSites(tokens, ['REGEXP_INSTR']).flatMap((site) => {
      const args = site.args.map(([from, to]) => sourceOf(text, tokens, from, to));
      const pattern = site.args[1] ? constantString(tokens, ...site.args[1]) : null;
      const group = requestedGroup(tokens, site.args, pattern);
      if (group === null || group === 0) return [];
      if (pattern === null) {
        throw new SnowflakeQueryError(snowflakeErrors.unsupported('REGEXP_INSTR of a capture group with a pattern that is not a constant'));
      }
      if (group > countGroups(pattern)) {
        throw new SnowflakeQueryError(
          snowflakeErrors.compilation(`Invalid value [${group}] for function 'REGEXP_INSTR', parameter 7: the pattern has no such group`),
        );
      }
      const offsets = groupOffsetPattern(pattern, group);
      if (!offsets) {
        throw new SnowflakeQueryError(snowflakeErrors.unsupported('REGEXP_INSTR of a capture group that repeats or sits in a repeated group'));
      }
      const [subject, , pos = '1', occ = '1', option = '0', params = "'c'"] = args;
      const rest = `SF_RE_FROM((${subject})::VARCHAR, (${pos})::BIGINT)`;
      const split = `SF_RE_SPLIT(SF_RE_PATTERN(${sqlString(offsets.pattern)}, ${params}))`;
      const groupTexts = (n: number) => `regexp_extract_all(${rest}, ${split}, ${n + 2})`;
      const prefixes = `[${offsets.prefixes.map(groupTexts).join(', ')}]::VARCHAR[][]`;
      const value =
        `SF_RE_INSTR_GROUP(regexp_extract_all(${rest}, ${split}, 1), regexp_extract_all(${rest}, ${split}, 2), ` +
        `${groupTexts(offsets.group)}, ${prefixes}, ${pos}, ${occ}, ${option})`;
      const edit: Edit = {
        start: tokens[site.name].start,
        end: tokens[site.close].end,
        text: `SF_RE_INSTR_CHECKED(${subject}, ${args[1]}, ${pos}, ${occ}, ${option}, ${params}, ${value})`,
      };
      return [edit];
    }),
  );
}

/** The group a REGEXP_INSTR call asks for: its 7th argument, or 1 with a constant 'e' parameter; null when unknown. */
function requestedGroup(tokens: Token[], args: [number, number][], pattern: string | null): number | null {
  if (args.length >= 7) return numberValue(tokens, ...args[6]);
  if (args.length !== 6) return null;
  const params = constantString(tokens, ...args[5]);
  if (params === null || !params.includes('e')) return null;
  return pattern !== null && countGroups(pattern) > 0 ? 1 : 0;
}

export function regexRewrites(sql: string): string {
  return groupInstr(renameCalls(infixRlike(sql)));
}
