/**
 * Where a capture group starts inside a match, for REGEXP_INSTR with a group number: RE2 reports
 * a group's text, not its offset. The offset is the length of what the pattern matched before
 * the group, so the pattern is rewritten to capture that too: at each level of nesting down to
 * the group, the part of the group's alternative in front of it is wrapped in a new capturing
 * group, `the\W+(\w+)` → `(the\W+)(\w+)`. The group's offset in the match is then the sum of the
 * new groups' lengths. This holds when neither the group nor any group around it repeats (a
 * repeated group captures its last round) and no inline flag sits in a wrapped part (wrapping
 * would narrow its scope); other patterns are refused.
 * https://docs.snowflake.com/en/sql-reference/functions/regexp_instr
 */

interface Frame {
  /** Index of the `(` (-1 for the whole pattern). */
  open: number;
  /** The group's number, 0 when it does not capture. */
  number: number;
  /** Where the current alternative starts (after the `(`, its `?:`, or the last `|`). */
  alternative: number;
}

/** A scan of the pattern's structure. */
interface Scan {
  /** Capturing groups by number (index 0 unused): where they open and whether they repeat. */
  groups: { open: number; repeated: boolean }[];
  /** Every group, capturing or not, by the index of its `(`: whether it repeats. */
  repeats: Map<number, boolean>;
  /** For each group number, the frames enclosing its `(` as they stood when it opened. */
  paths: Frame[][];
  /** Indexes of inline flag groups such as `(?i)`. */
  flags: number[];
}

const REPETITION = /^(?:[*+?]|\{\d+(?:,\d*)?\})/;

function scanPattern(pattern: string): Scan {
  const scan: Scan = { groups: [], repeats: new Map(), paths: [], flags: [] };
  const stack: Frame[] = [{ open: -1, number: 0, alternative: 0 }];
  let count = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === '\\') {
      i = escapeEnd(pattern, i);
    } else if (ch === '[') {
      i = classEnd(pattern, i);
    } else if (ch === '|') {
      stack[stack.length - 1].alternative = i + 1;
    } else if (ch === '(') {
      const group = groupStart(pattern, i);
      if (group.flagsOnly) {
        scan.flags.push(i);
        i = group.contentStart - 1;
        continue;
      }
      const number = group.capturing ? (count += 1) : 0;
      if (number) scan.paths[number] = stack.map((frame) => ({ ...frame }));
      stack.push({ open: i, number, alternative: group.contentStart });
      i = group.contentStart - 1;
    } else if (ch === ')' && stack.length > 1) {
      const frame = stack.pop() as Frame;
      const repeated = REPETITION.test(pattern.slice(i + 1));
      scan.repeats.set(frame.open, repeated);
      if (frame.number) scan.groups[frame.number] = { open: frame.open, repeated };
    }
  }
  return scan;
}

/** Index of the last character of the escape starting at `at` (`\d`, `\x{41}`, `\p{L}`, `\Q…\E`). */
function escapeEnd(pattern: string, at: number): number {
  const next = pattern[at + 1];
  if ((next === 'x' || next === 'p' || next === 'P') && pattern[at + 2] === '{') {
    const close = pattern.indexOf('}', at + 3);
    return close === -1 ? pattern.length - 1 : close;
  }
  if (next === 'Q') {
    const end = pattern.indexOf('\\E', at + 2);
    return end === -1 ? pattern.length - 1 : end + 1;
  }
  return at + 1;
}

/** Index of the `]` closing the character class opened at `at`. */
function classEnd(pattern: string, at: number): number {
  let i = at + 1;
  if (pattern[i] === '^') i += 1;
  if (pattern[i] === ']') i += 1;
  for (; i < pattern.length; i += 1) {
    if (pattern[i] === '\\') i += 1;
    else if (pattern[i] === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      if (close !== -1) i = close + 1;
    } else if (pattern[i] === ']') return i;
  }
  return pattern.length - 1;
}

/** What the `(` at `at` opens: a capturing group, a non-capturing one, or a flag setting `(?i)`. */
function groupStart(pattern: string, at: number): { capturing: boolean; flagsOnly: boolean; contentStart: number } {
  if (pattern[at + 1] !== '?') return { capturing: true, flagsOnly: false, contentStart: at + 1 };
  const named = /^\?P?<[A-Za-z_][A-Za-z0-9_]*>/.exec(pattern.slice(at + 1));
  if (named) return { capturing: true, flagsOnly: false, contentStart: at + 1 + named[0].length };
  const flags = /^\?[a-zA-Z-]*([:)])/.exec(pattern.slice(at + 1));
  if (!flags) return { capturing: false, flagsOnly: false, contentStart: at + 2 };
  return { capturing: false, flagsOnly: flags[1] === ')', contentStart: at + 1 + flags[0].length };
}

/** How many capturing groups the pattern has. */
export function countGroups(pattern: string): number {
  return Math.max(0, scanPattern(pattern).groups.length - 1);
}

export interface GroupOffsetPattern {
  /** The pattern with the parts in front of the group captured. */
  pattern: string;
  /** The group's number in `pattern`. */
  group: number;
  /** Numbers (in `pattern`) of the groups whose lengths add up to the group's offset in the match. */
  prefixes: number[];
}

/** The rewritten pattern for group `group` of `pattern`, or null when its offset cannot be had this way. */
export function groupOffsetPattern(pattern: string, group: number): GroupOffsetPattern | null {
  const scan = scanPattern(pattern);
  const target = scan.groups[group];
  const path = scan.paths[group];
  if (!target || !path) return null;
  // The groups around the target (the whole pattern excepted) and the target itself must not
  // repeat; a group left unclosed is no pattern RE2 compiles either.
  if (target.repeated || path.slice(1).some((frame) => scan.repeats.get(frame.open) !== false)) return null;

  // At each level, the alternative's part in front of the child that leads down to the target.
  const wraps: { start: number; end: number }[] = [];
  path.forEach((frame, level) => {
    const child = level + 1 < path.length ? path[level + 1].open : target.open;
    if (frame.alternative < child) wraps.push({ start: frame.alternative, end: child });
  });
  if (wraps.some((wrap) => scan.flags.some((flag) => flag >= wrap.start && flag < wrap.end))) return null;

  let rewritten = '';
  let at = 0;
  for (const wrap of wraps) {
    rewritten += `${pattern.slice(at, wrap.start)}(${pattern.slice(wrap.start, wrap.end)})`;
    at = wrap.end;
  }
  rewritten += pattern.slice(at);

  const opens = scan.groups.slice(1).map((g) => g.open);
  const insertedAtOrBefore = (position: number) => wraps.filter((wrap) => wrap.start <= position).length;
  return {
    pattern: rewritten,
    group: group + insertedAtOrBefore(target.open),
    prefixes: wraps.map((wrap) => opens.filter((open) => open < wrap.start).length + insertedAtOrBefore(wrap.start)),
  };
}
