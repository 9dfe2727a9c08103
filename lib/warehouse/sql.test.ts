import { describe, expect, it } from 'vitest';
import { inList, serviceIdentifier, timestampText } from './sql';

describe('warehouse SQL built from values', () => {
  it('binds each value of an IN list to its own placeholder', () => {
    expect(inList(["a'b", 'c'])).toEqual({ sql: '?, ?', binds: ["a'b", 'c'] });
  });

  it('accepts service names made of identifier parts and refuses anything else', () => {
    expect(serviceIdentifier('DB.SCHEMA."my ""job"""')).toBe('DB.SCHEMA."my ""job"""');
    expect(() => serviceIdentifier('DB.S.JOB; DROP TABLE T')).toThrow('"DB.S.JOB; DROP TABLE T" is not a service name (DB.SCHEMA.NAME).');
    expect(() => serviceIdentifier('A.B.C.D')).toThrow(/is not a service name/);
  });

  it('writes a time as ISO 8601 with an explicit UTC offset', () => {
    expect(timestampText(Date.parse('2026-03-01T10:00:05.250Z'))).toBe('2026-03-01T10:00:05.250+00:00');
  });
});
