import { describe, expect, it } from 'vitest';
import { csvFileName, csvLine } from './csv';

describe('csvLine', () => {
  it('leaves plain fields alone and ends the line with CRLF', () => {
    expect(csvLine(['1', 'abc', ' padded '])).toBe('1,abc, padded \r\n');
  });

  it('quotes fields holding commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'cr\r'])).toBe('"a,b","say ""hi""","two\nlines","cr\r"\r\n');
  });

  it('writes NULL as an empty field and keeps an empty string empty', () => {
    expect(csvLine([null, '', 'x'])).toBe(',,x\r\n');
  });
});

describe('csvFileName', () => {
  it('names the file after the query id, with nothing a header could trip on', () => {
    expect(csvFileName('01b2c3d4-0000-1111-2222-333344445555')).toBe('flurry-01b2c3d4-0000-1111-2222-333344445555.csv');
    expect(csvFileName('a"b;c')).toBe('flurry-a_b_c.csv');
  });
});
