/**
 * Reading a job service spec's YAML when it may be hostile: the text is capped in size, nesting
 * depth and alias expansions before it becomes a value, and every failure becomes a located error,
 * never an exception. Also records the line of each YAML path (`spec.containers[0].image`), so a
 * problem found later in the value can name the line of the offending field. Pure.
 */
import { CST, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Parser, type Node } from 'yaml';

export interface LocatedError {
  /** YAML path of the offending value; '' for the document as a whole. */
  path: string;
  line: number | null;
  message: string;
}

export interface YamlLimits {
  maxBytes: number;
  maxDepth: number;
  maxAliasCount: number;
}

export type YamlReading =
  | { ok: true; value: unknown; lineOf: (path: string) => number | null }
  | { ok: false; errors: LocatedError[] };

export function readLimitedYaml(yamlText: string, limits: YamlLimits): YamlReading {
  const bytes = new TextEncoder().encode(yamlText).length;
  if (bytes > limits.maxBytes) {
    return fail('', null, `The specification is ${bytes} bytes; the limit is ${limits.maxBytes} bytes (${limits.maxBytes / 1024} KiB).`);
  }
  const tooDeep = deepestNesting(yamlText, limits.maxDepth);
  if (tooDeep) return fail(tooDeep.path, tooDeep.line, `The YAML is nested more than ${limits.maxDepth} levels deep.`);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, stringKeys: true, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((error) => ({
        path: '',
        line: lineCounter.linePos(error.pos[0]).line,
        message: `The YAML cannot be read: ${error.message}`,
      })),
    };
  }
  const lines = new Map<string, number>();
  recordLines(doc.contents, '', lines, lineCounter);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    // Raised for alias bombs and aliases to anchors that do not exist.
    const message = error instanceof Error ? error.message : String(error);
    const bomb = /^Excessive alias count/.test(message);
    return fail('', null, `The YAML cannot be read: ${bomb ? `it expands its aliases more than ${limits.maxAliasCount} times, as an alias bomb does.` : message}`);
  }
  const lineOf = (path: string) => {
    // A missing key has no line of its own: point at the nearest enclosing value that has one.
    let probe = path;
    while (probe && !lines.has(probe)) probe = parentPath(probe);
    return lines.get(probe) ?? null;
  };
  return { ok: true, value, lineOf };
}

/** `spec.containers[0].name` from `['spec', 'containers', 0, 'name']`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((path, segment) => (typeof segment === 'number' ? `${path}[${segment}]` : childPath(path, String(segment))), '');
}

export function childPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** `a.b[2]` → `a.b` → `a` → ''. */
function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut === -1 ? '' : path.slice(0, cut);
}

function fail(path: string, line: number | null, message: string): YamlReading {
  return { ok: false, errors: [{ path, line, message }] };
}

/**
 * Where the YAML first nests deeper than `maxDepth`, if it does, read from the parser's tokens:
 * the parser builds them without recursing, while composing and converting the document recurse
 * and overflow the stack on input such as 100,000 `[` or `- `, which then reads as nothing
 * but "Maximum call stack size exceeded".
 */
function deepestNesting(yamlText: string, maxDepth: number): { path: string; line: number } | null {
  const counter = new LineCounter();
  const pending: { token: CST.Token | null | undefined; path: string; depth: number }[] = [];
  for (const token of new Parser(counter.addNewLine).parse(yamlText)) {
    if (token.type === 'document') pending.push({ token: token.value, path: '', depth: 0 });
  }
  while (pending.length > 0) {
    const { token, path, depth } = pending.pop() as (typeof pending)[number];
    if (!token) continue;
    if (depth > maxDepth) return { path, line: counter.linePos(token.offset).line };
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    const sequence = token.type === 'block-seq' || (token.type === 'flow-collection' && token.start.type === 'flow-seq-start');
    // Pushed last item first, so the walk meets the document in reading order.
    for (let i = token.items.length - 1; i >= 0; i -= 1) {
      const { key, value } = token.items[i];
      const child = sequence ? `${path}[${i}]` : childPath(path, CST.resolveAsScalar(key)?.value ?? '?');
      pending.push({ token: value, path: child, depth: depth + 1 });
      // A key can be a collection too (`? [a, b]`).
      pending.push({ token: key, path: child, depth: depth + 1 });
    }
  }
  return null;
}

/** Fills `lines` with the line of each path (the depth is capped, so recursing is safe). */
function recordLines(node: unknown, path: string, lines: Map<string, number>, counter: LineCounter): void {
  const lineOf = (n: Node | null | undefined) => (n?.range ? counter.linePos(n.range[0]).line : null);
  const children: [string, Node | null, number | null][] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      children.push([childPath(path, key), pair.value as Node | null, lineOf(pair.key as Node)]);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => children.push([`${path}[${i}]`, item as Node, lineOf(item as Node)]));
  }
  for (const [child, value, line] of children) {
    if (line !== null) lines.set(child, line);
    if (value && !isAlias(value)) recordLines(value, child, lines, counter);
  }
}
