import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

describe('splitSentences', () => {
  it('splits on terminal punctuation followed by whitespace', () => {
    expect(splitSentences('Great food. Slow service! Would I return? Maybe.')).toEqual([
      'Great food.',
      'Slow service!',
      'Would I return?',
      'Maybe.',
    ]);
  });

  it('keeps abbreviations, initials and decimals inside their sentence', () => {
    expect(splitSentences('Dr. Patel and Mrs. J. Ortiz saw me at 3.30 today, e.g. before lunch. It cost $12.50.')).toEqual([
      'Dr. Patel and Mrs. J. Ortiz saw me at 3.30 today, e.g. before lunch.',
      'It cost $12.50.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they end', () => {
    expect(splitSentences('He said "come back soon." We did (twice.) Then it closed.')).toEqual([
      'He said "come back soon."',
      'We did (twice.)',
      'Then it closed.',
    ]);
  });

  it('lets a trailing-off ellipsis continue the sentence unless a capital follows', () => {
    expect(splitSentences('It was ok... not great. Then... The end.')).toEqual(['It was ok... not great.', 'Then...', 'The end.']);
  });

  it('ends a sentence at a line break and drops empty or punctuation-only pieces', () => {
    expect(splitSentences('First line\n\nSecond line.  !!  \n  ')).toEqual(['First line', 'Second line.']);
    expect(splitSentences('')).toEqual([]);
  });
});
