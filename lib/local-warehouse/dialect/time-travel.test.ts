import { describe, expect, it } from 'vitest';
import { refuseTimeTravel } from './time-travel';

describe('refuseTimeTravel', () => {
  it('refuses AT and BEFORE as unsupported', () => {
    expect(() => refuseTimeTravel('SELECT * FROM T AT (OFFSET => -60)')).toThrow(/Unsupported feature 'AT \(Time Travel\)'/);
    expect(() => refuseTimeTravel("CREATE TABLE C CLONE T BEFORE (STATEMENT => '8e5d0ca9')")).toThrow(/BEFORE \(Time Travel\)/);
  });

  it('leaves AT and BEFORE used otherwise alone', () => {
    expect(() => refuseTimeTravel('SELECT AT, BEFORE(1) FROM T')).not.toThrow();
  });
});
