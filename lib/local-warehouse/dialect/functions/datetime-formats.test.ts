import { describe, expect, it } from 'vitest';
import { dateFormatPieces, formatTimestampSql, parseFormats } from './datetime-formats';

describe('dateFormatPieces', () => {
  it('reads elements longest first and case-insensitively, the rest as literal text', () => {
    expect(dateFormatPieces('mm/dd/yyyy, hh24:mi hours')).toEqual([
      { kind: 'element', element: 'MM' },
      { kind: 'literal', text: '/' },
      { kind: 'element', element: 'DD' },
      { kind: 'literal', text: '/' },
      { kind: 'element', element: 'YYYY' },
      { kind: 'literal', text: ', ' },
      { kind: 'element', element: 'HH24' },
      { kind: 'literal', text: ':' },
      { kind: 'element', element: 'MI' },
      { kind: 'literal', text: ' hours' },
    ]);
  });

  it('keeps double-quoted text literal and reads FF with its digits', () => {
    expect(dateFormatPieces('"T""Z"FF FF3')).toEqual([
      { kind: 'literal', text: 'T"Z' },
      { kind: 'fraction', digits: 9 },
      { kind: 'literal', text: ' ' },
      { kind: 'fraction', digits: 3 },
    ]);
  });
});

describe('formatTimestampSql', () => {
  it("uses strftime's specifiers and cuts fractions from the microseconds", () => {
    expect(formatTimestampSql('mon dd, yyyy', 'T')).toBe("strftime(T, '%b %d, %Y')");
    expect(formatTimestampSql('HH12:MI:SS.FF3 AM "100%"', 'T')).toBe(
      "strftime(T, '%I:%M:%S.') || substr(strftime(T, '%f') || '000', 1, 3) || strftime(T, ' %p 100%%')",
    );
  });

  it("prints the offset of the session's time zone", () => {
    expect(formatTimestampSql('HH24TZH:TZM', 'T')).toBe("strftime(T, '%H') || SF_UTC_OFFSET(T::TIMESTAMPTZ, 'TZH:TZM')");
  });
});

describe('parseFormats', () => {
  it('reads a month by name or abbreviation, and offsets with %z', () => {
    expect(parseFormats('DD-MON-YYYY')).toEqual({ formats: ['%d-%b-%Y', '%d-%B-%Y'], hasOffset: false });
    expect(parseFormats('YYYY-MM-DD"T"HH24:MI:SS.FF TZH:TZM')).toEqual({ formats: ['%Y-%m-%dT%H:%M:%S.%n %z'], hasOffset: true });
  });
});
