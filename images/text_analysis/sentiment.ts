/**
 * Lexicon-based sentiment in the manner of VADER: each sentiment word contributes its weight,
 * scaled by intensifiers before it, reversed by a nearby negation, and shifted toward what
 * follows a "but". The result is a label and a confidence in [0, 1], standing in for the
 * distilbert-sst2 pipeline of the Snowflake-Labs async_job sample.
 */
import { splitSentences } from './sentences';
import { CONTRASTS, INTENSIFIERS, LEXICON, NEGATIONS, PHRASES } from './sentiment-lexicon';
import { wordTokens } from './words';

export type SentimentLabel = 'POSITIVE' | 'NEGATIVE' | 'NEUTRAL';

export interface Sentiment {
  label: SentimentLabel;
  /** Confidence in the label, 0.5–1 like a two-class model's top probability. */
  score: number;
}

// VADER's empirically chosen constants.
const NEGATION_FACTOR = -0.74;
const NEGATION_REACH = 3;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const CAPS_EMPHASIS = 1.3;
const EXCLAMATION_BOOST = 0.3;
const NORMALIZATION_ALPHA = 15;
const NEUTRAL_BAND = 0.05;
const LONGEST_PHRASE = Math.max(...[...PHRASES.keys()].map((phrase) => phrase.split(' ').length));

interface Hit {
  index: number;
  valence: number;
}

function phraseAt(tokens: string[], index: number): { length: number; weight: number } | null {
  for (let length = Math.min(LONGEST_PHRASE, tokens.length - index); length >= 2; length--) {
    const weight = PHRASES.get(tokens.slice(index, index + length).join(' '));
    if (weight !== undefined) return { length, weight };
  }
  return null;
}

function intensity(tokens: string[], index: number): number {
  let factor = 1;
  for (let j = index - 1; j >= Math.max(0, index - 2) && INTENSIFIERS.has(tokens[j]); j--) {
    factor *= INTENSIFIERS.get(tokens[j]) ?? 1;
  }
  return factor;
}

function isNegated(tokens: string[], index: number): boolean {
  for (let j = index - 1; j >= Math.max(0, index - NEGATION_REACH); j--) {
    if (CONTRASTS.has(tokens[j])) return false;
    if (NEGATIONS.has(tokens[j])) return true;
  }
  return false;
}

function sentenceValence(sentence: string): number {
  const raw = wordTokens(sentence);
  const tokens = raw.map((token) => token.toLowerCase());
  // Capitals are emphasis only when the writer does not shout throughout.
  const hasLowercase = /\p{Ll}/u.test(sentence);
  const hits: Hit[] = [];
  let contrastAt = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (CONTRASTS.has(tokens[i])) contrastAt = i;
    const phrase = phraseAt(tokens, i);
    if (phrase) {
      hits.push({ index: i, valence: phrase.weight * intensity(tokens, i) });
      i += phrase.length - 1;
      continue;
    }
    const weight = LEXICON.get(tokens[i]);
    if (weight === undefined) continue;
    let valence = weight * intensity(tokens, i);
    if (isNegated(tokens, i)) valence *= NEGATION_FACTOR;
    if (hasLowercase && raw[i].length > 1 && raw[i] === raw[i].toUpperCase()) valence *= CAPS_EMPHASIS;
    hits.push({ index: i, valence });
  }
  let total = 0;
  for (const { index, valence } of hits) {
    if (contrastAt < 0) total += valence;
    else total += valence * (index < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST);
  }
  const exclamations = Math.min(3, /!+\s*$/.exec(sentence)?.[0].trim().length ?? 0);
  return total + Math.sign(total) * exclamations * EXCLAMATION_BOOST;
}

/** Sentiment of a text; an empty text, or one whose words carry no sentiment, is NEUTRAL. */
export function analyzeSentiment(text: string): Sentiment {
  const sum = splitSentences(text).reduce((total, sentence) => total + sentenceValence(sentence), 0);
  const compound = sum / Math.sqrt(sum * sum + NORMALIZATION_ALPHA);
  const magnitude = Math.abs(compound);
  if (magnitude < NEUTRAL_BAND) return { label: 'NEUTRAL', score: round(1 - magnitude * 10) };
  return { label: compound > 0 ? 'POSITIVE' : 'NEGATIVE', score: round(0.5 + magnitude / 2) };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
