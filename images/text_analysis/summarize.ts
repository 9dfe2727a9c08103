/**
 * Extractive summarization: the sentences whose content words recur most across the text are
 * the ones it is about, so the summary is the one or two best-scoring sentences, in their
 * original order. Deterministic and model-free, standing in for the t5-small pipeline of the
 * Snowflake-Labs async_job sample.
 */
import { splitSentences } from './sentences';
import { STOP_WORDS } from './stop-words';
import { words } from './words';

export const SUMMARY_MAX_CHARS = 300;

/** Folds plurals and possessives so "burger" and "burgers" count as one word. */
function stem(word: string): string {
  const base = word.replace(/'s$/, '');
  if (base.length > 4 && base.endsWith('ies')) return `${base.slice(0, -3)}y`;
  if (base.length > 3 && base.endsWith('s') && !/(ss|us|is)$/.test(base)) return base.slice(0, -1);
  return base;
}

function contentWords(sentence: string): string[] {
  return [...new Set(words(sentence).filter((w) => w.length > 1 && !STOP_WORDS.has(w)).map(stem))];
}

function sentenceScores(sentences: string[]): number[] {
  const perSentence = sentences.map(contentWords);
  const frequency = new Map<string, number>();
  for (const list of perSentence) for (const w of list) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const highest = Math.max(1, ...frequency.values());
  return perSentence.map((list, index) => {
    if (list.length === 0) return 0;
    const total = list.reduce((sum, w) => sum + (frequency.get(w) ?? 0) / highest, 0);
    // Dividing by the square root, not the length, keeps long sentences from winning on size
    // alone without letting a one-word exclamation ("Wow!") beat a sentence that says something.
    const score = total / Math.sqrt(list.length);
    // Reviewers tend to lead with their verdict.
    return index === 0 ? score * 1.15 : score;
  });
}

/** Cuts at the last word boundary that fits, marking the cut with an ellipsis. */
function capLength(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:]+$/, '')}…`;
}

export function summarize(text: string, maxChars = SUMMARY_MAX_CHARS): string {
  const sentences = splitSentences(text);
  if (sentences.length <= 1) return capLength(sentences[0] ?? '', maxChars);
  const scores = sentenceScores(sentences);
  const ranked = sentences.map((_, index) => index).sort((a, b) => scores[b] - scores[a] || a - b);
  const count = sentences.length <= 3 ? 1 : 2;
  const chosen = ranked.slice(0, count).sort((a, b) => a - b);
  const joined = chosen.map((index) => sentences[index]).join(' ');
  return capLength(joined.length <= maxChars ? joined : sentences[ranked[0]], maxChars);
}
