import { describe, expect, it } from 'vitest';
import { SUMMARY_MAX_CHARS, summarize } from './summarize';

const BAKERY =
  'We visited the bakery on Saturday morning. The croissants were flaky and buttery, the best croissants in town. ' +
  'Coffee was fine. Parking was a pain. I will come back for the croissants and the almond pastries.';

describe('summarize', () => {
  it('picks the two sentences about what the text keeps mentioning, in their original order', () => {
    expect(summarize(BAKERY)).toBe(
      'The croissants were flaky and buttery, the best croissants in town. I will come back for the croissants and the almond pastries.',
    );
  });

  it('picks one sentence from a text of three or fewer', () => {
    expect(summarize('Wow! The pizza crust was thin and the pizza sauce was bright. Service was ok.')).toBe(
      'The pizza crust was thin and the pizza sauce was bright.',
    );
  });

  it('returns a single sentence as it is, and an empty text as empty', () => {
    expect(summarize('  Friendly staff and quick checkout.  ')).toBe('Friendly staff and quick checkout.');
    expect(summarize('')).toBe('');
  });

  it('caps the summary at a word boundary, falling back to the best sentence alone first', () => {
    const long = `${'The room was large and the room was clean and the room was quiet '.repeat(8).trim()}.`;
    const summary = summarize(`${long} Breakfast was included. Staff were kind. The room had a view.`);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary.startsWith('The room was large')).toBe(true);
    expect(summarize('One two three four five six seven eight nine ten.', 20)).toBe('One two three four…');
  });

  it('is deterministic', () => {
    expect(summarize(BAKERY)).toBe(summarize(BAKERY));
  });
});
