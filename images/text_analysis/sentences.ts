/**
 * Sentence splitting for short English prose such as reviews. A period ends a sentence unless
 * it closes a known abbreviation or an initial; decimals ("3.5") and URLs never match because a
 * boundary needs whitespace after the punctuation. Line breaks always end a sentence.
 */

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'ave', 'rd', 'blvd', 'mt', 'ft', 'co', 'inc',
  'ltd', 'corp', 'dept', 'vs', 'etc', 'approx', 'appt', 'apt', 'min', 'mins', 'hr', 'hrs', 'sec',
  'oz', 'lb', 'lbs', 'pt', 'qt', 'tbsp', 'tsp', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k',
]);

// Terminal punctuation, any closing quotes or brackets, then the whitespace that separates sentences.
const BOUNDARY = /([.!?…]+)(["'”’)\]]*)(\s+)/g;

function endsWithAbbreviation(textBefore: string): boolean {
  const word = /(\S+)$/.exec(textBefore)?.[1].replace(/^["'“‘(\[]+/, '').toLowerCase() ?? '';
  if (/^[a-z]$/.test(word)) return true; // an initial, as in "John F. Kennedy"
  return ABBREVIATIONS.has(word);
}

function splitLine(line: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of line.matchAll(BOUNDARY)) {
    const [, punctuation, closers, space] = match;
    const end = match.index + punctuation.length + closers.length;
    if (punctuation === '.' && endsWithAbbreviation(line.slice(start, match.index))) continue;
    // "it was ok... not great" trails off mid-sentence; an ellipsis before a capital ends one.
    const isEllipsis = punctuation === '…' || /^\.{2,}$/.test(punctuation);
    if (isEllipsis && /^\p{Ll}/u.test(line.slice(match.index + match[0].length))) continue;
    sentences.push(line.slice(start, end));
    start = end + space.length;
  }
  sentences.push(line.slice(start));
  return sentences;
}

export function splitSentences(text: string): string[] {
  return text
    .split(/\r?\n+/)
    .flatMap(splitLine)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}
