import { lex, isTrivia } from '@/lib/domain/sql/lexer';
import { describe, expect, it } from 'vitest';
import { CALENDAR_PARTS, datePartNamed, FIXED_PART_NANOSECONDS, partArgumentName, PARTS_ACCEPTED_BY } from './date-parts';

const tokens = (sql: string) => lex(sql).filter((token) => !isTrivia(token));

describe('datePartNamed', () => {
  it('reads every documented abbreviation and variation as its part, in any case', () => {
    const written: Record<string, string[]> = {
      YEAR: ['year', 'y', 'yy', 'yyy', 'yyyy', 'yr', 'years', 'yrs'],
      MONTH: ['month', 'mm', 'mon', 'mons', 'months'],
      DAY: ['day', 'd', 'dd', 'days', 'dayofmonth'],
      WEEK: ['week', 'w', 'wk', 'weekofyear', 'woy', 'wy'],
      QUARTER: ['quarter', 'q', 'qtr', 'qtrs', 'quarters'],
      HOUR: ['hour', 'h', 'hh', 'hr', 'hours', 'hrs'],
      MINUTE: ['minute', 'm', 'mi', 'min', 'minutes', 'mins'],
      SECOND: ['second', 's', 'sec', 'seconds', 'secs'],
      MILLISECOND: ['millisecond', 'ms', 'msec', 'milliseconds'],
      MICROSECOND: ['microsecond', 'us', 'usec', 'microseconds'],
      NANOSECOND: ['nanosecond', 'ns', 'nsec', 'nanosec', 'nsecond', 'nanoseconds', 'nanosecs', 'nseconds'],
      DAYOFWEEK: ['dayofweek', 'weekday', 'dow', 'dw'],
      DAYOFWEEKISO: ['dayofweekiso', 'weekday_iso', 'dow_iso', 'dw_iso'],
      DAYOFYEAR: ['dayofyear', 'yearday', 'doy', 'dy'],
      WEEKISO: ['weekiso', 'week_iso', 'weekofyeariso', 'weekofyear_iso'],
      EPOCH_SECOND: ['epoch_second', 'epoch', 'epoch_seconds'],
      EPOCH_MILLISECOND: ['epoch_millisecond', 'epoch_milliseconds'],
      TIMEZONE_HOUR: ['timezone_hour', 'tzh'],
      TIMEZONE_MINUTE: ['timezone_minute', 'tzm'],
    };
    for (const [part, names] of Object.entries(written)) {
      for (const name of names) {
        expect(datePartNamed(name), name).toBe(part);
        expect(datePartNamed(name.toUpperCase()), name).toBe(part);
      }
    }
    expect(datePartNamed(' Month ')).toBe('MONTH');
  });

  it('names no part for other words', () => {
    for (const name of ['fortnight', 'months2', '', 'yyyyy', 'millis']) expect(datePartNamed(name), name).toBeNull();
  });
});

describe('the parts each function takes', () => {
  it('splits arithmetic parts into calendar parts and fixed lengths in nanoseconds', () => {
    expect(CALENDAR_PARTS).toEqual(['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY']);
    expect(FIXED_PART_NANOSECONDS.HOUR).toBe(3_600_000_000_000n);
    expect(FIXED_PART_NANOSECONDS.NANOSECOND).toBe(1n);
    expect(PARTS_ACCEPTED_BY.DATEADD).toEqual([...CALENDAR_PARTS, 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND', 'NANOSECOND']);
  });

  it('lets DATE_PART read every part, LAST_DAY only periods of a day or longer that end on a date', () => {
    expect(PARTS_ACCEPTED_BY.DATE_PART).toContain('EPOCH_NANOSECOND');
    expect(PARTS_ACCEPTED_BY.DATEADD).not.toContain('DAYOFWEEK');
    expect(PARTS_ACCEPTED_BY.LAST_DAY).toEqual(['YEAR', 'QUARTER', 'MONTH', 'WEEK']);
    expect(PARTS_ACCEPTED_BY.TIME_SLICE).not.toContain('MILLISECOND');
  });
});

describe('partArgumentName', () => {
  it('reads a bare word or a string, and nothing else', () => {
    expect(partArgumentName(tokens('month'))).toBe('month');
    expect(partArgumentName(tokens("'Month'"))).toBe('Month');
    expect(partArgumentName(tokens('"MONTH"'))).toBeNull();
    expect(partArgumentName(tokens('part_column || 1'))).toBeNull();
    expect(partArgumentName(tokens('1'))).toBeNull();
  });
});
