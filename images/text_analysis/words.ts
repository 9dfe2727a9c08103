const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Word tokens of English text as written; typographic apostrophes folded to ASCII. */
export function wordTokens(text: string): string[] {
  return (text.match(WORD) ?? []).map((token) => token.replace(/’/g, "'"));
}

/** Word tokens, lower-cased. */
export function words(text: string): string[] {
  return wordTokens(text.toLowerCase());
}
