import { describe, expect, it } from 'vitest';
import { refuseMatchRecognize } from './match-recognize';

describe('refuseMatchRecognize', () => {
  it('refuses MATCH_RECOGNIZE as an unsupported feature', () => {
    expect(() =>
      refuseMatchRecognize('SELECT * FROM T MATCH_RECOGNIZE (ORDER BY D MEASURES FIRST(P) AS F ONE ROW PER MATCH PATTERN (A B+) DEFINE B AS P > PREV(P))'),
    ).toThrow("Unsupported feature 'MATCH_RECOGNIZE'");
  });

  it('leaves a column or string of that name alone', () => {
    expect(() => refuseMatchRecognize('SELECT "MATCH_RECOGNIZE", \'MATCH_RECOGNIZE (\' FROM T')).not.toThrow();
  });
});
