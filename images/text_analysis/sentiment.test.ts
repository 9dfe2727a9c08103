import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './sentiment';

const label = (text: string) => analyzeSentiment(text).label;
const score = (text: string) => analyzeSentiment(text).score;

describe('analyzeSentiment', () => {
  it('labels plainly positive and negative text', () => {
    expect(label('The staff were friendly and the food was delicious.')).toBe('POSITIVE');
    expect(label('Rude staff, dirty tables and cold food.')).toBe('NEGATIVE');
  });

  it('reverses a sentiment word after a nearby negation', () => {
    expect(label('The food was not good.')).toBe('NEGATIVE');
    expect(label('Not bad at all.')).toBe('POSITIVE');
    expect(label("The staff weren't rude at all.")).toBe('POSITIVE');
    expect(label('Would not recommend.')).toBe('NEGATIVE');
  });

  it('raises confidence for intensifiers, capitals and exclamation marks, lowers it for softeners', () => {
    expect(score('The food was very good.')).toBeGreaterThan(score('The food was good.'));
    expect(score('The food was good!')).toBeGreaterThan(score('The food was good.'));
    expect(score('The food was GOOD.')).toBeGreaterThan(score('The food was good.'));
    expect(score('The food was slightly bad.')).toBeLessThan(score('The food was bad.'));
  });

  it('weighs the clause after "but" over the one before it', () => {
    expect(label('The food was great but the service was terrible.')).toBe('NEGATIVE');
    expect(label('The service was terrible but the food was great.')).toBe('POSITIVE');
  });

  it('reads multi-word expressions as a whole', () => {
    expect(label('A total waste of money.')).toBe('NEGATIVE');
    expect(label('No complaints.')).toBe('POSITIVE');
    expect(label('I would highly recommend them.')).toBe('POSITIVE');
    expect(score('I would highly recommend them.')).toBeGreaterThan(score('I would recommend them.'));
  });

  it('is NEUTRAL with full confidence when nothing carries sentiment', () => {
    expect(analyzeSentiment('The shop is on Main Street next to the bank.')).toEqual({ label: 'NEUTRAL', score: 1 });
    expect(analyzeSentiment('')).toEqual({ label: 'NEUTRAL', score: 1 });
  });

  it('gives a confidence between 0.5 and 1 for every label', () => {
    for (const text of ['Amazing!!! Best ever, truly perfect.', 'Worst. Disgusting. Never again!', 'It was ok.']) {
      const { score: confidence } = analyzeSentiment(text);
      expect(confidence).toBeGreaterThanOrEqual(0.5);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    expect(score('Amazing!!! Best ever, truly perfect.')).toBeGreaterThan(0.95);
  });
});
