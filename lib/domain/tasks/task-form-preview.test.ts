import { describe, expect, it } from 'vitest';
import { formatRunTime, schedulePreview } from './task-form-preview';

const now = Date.parse('2026-06-01T12:00:00Z');

describe('schedulePreview', () => {
  it('warns of both daylight-saving cases for a 01:00 and 02:00 cron in America/Los_Angeles', () => {
    const preview = schedulePreview({ kind: 'cron', expression: '0 1,2 * * *', timeZone: 'America/Los_Angeles' }, now, now);
    expect(preview).toMatchObject({ kind: 'runs', schedule: 'cron', description: 'daily at 01:00 and 02:00, America/Los_Angeles', timeZone: 'America/Los_Angeles' });
    if (preview.kind !== 'runs') throw new Error('expected runs');
    expect(preview.warnings).toEqual(['on 2026-11-01 it runs twice at 01:00', 'on 2027-03-14 this does not run at 02:00']);
    expect(preview.dst.map((w) => w.effect)).toEqual(['twice', 'skipped']);
    expect(preview.runs.map((t) => new Date(t).toISOString())).toEqual([
      '2026-06-02T08:00:00.000Z',
      '2026-06-02T09:00:00.000Z',
      '2026-06-03T08:00:00.000Z',
      '2026-06-03T09:00:00.000Z',
      '2026-06-04T08:00:00.000Z',
      '2026-06-04T09:00:00.000Z',
      '2026-06-05T08:00:00.000Z',
      '2026-06-05T09:00:00.000Z',
      '2026-06-06T08:00:00.000Z',
      '2026-06-06T09:00:00.000Z',
    ]);
  });

  it('shows the double run in the next ten when the autumn change is near', () => {
    const eve = Date.parse('2026-10-31T12:00:00Z');
    const preview = schedulePreview({ kind: 'cron', expression: '0 1 * * *', timeZone: 'America/Los_Angeles' }, eve, eve);
    if (preview.kind !== 'runs') throw new Error('expected runs');
    expect(preview.runs.slice(0, 3).map((t) => formatRunTime(t, preview.timeZone))).toEqual([
      'Sun 2026-11-01 01:00 PDT',
      'Sun 2026-11-01 01:00 PST',
      'Mon 2026-11-02 01:00 PST',
    ]);
  });

  it('counts interval runs from when the task is resumed, in UTC, with no daylight-saving warnings', () => {
    const resumedAt = Date.parse('2026-06-01T09:03:00Z');
    const preview = schedulePreview({ kind: 'interval', amount: '10', unit: 'MINUTES' }, Date.parse('2026-06-01T09:20:00Z'), resumedAt);
    if (preview.kind !== 'runs') throw new Error('expected runs');
    expect(preview).toMatchObject({ schedule: 'interval', description: 'every 10 minutes', timeZone: 'UTC', dst: [], warnings: [] });
    expect(preview.runs.slice(0, 2).map((t) => formatRunTime(t, 'UTC'))).toEqual(['Mon 2026-06-01 09:23 UTC', 'Mon 2026-06-01 09:33 UTC']);
    expect(preview.runs).toHaveLength(10);
  });

  it('says when there is no schedule, or why it is not one', () => {
    expect(schedulePreview({ kind: 'none' }, now, now)).toEqual({ kind: 'none' });
    expect(schedulePreview({ kind: 'cron', expression: '0 1 * *', timeZone: 'UTC' }, now, now)).toEqual({
      kind: 'invalid',
      error: 'USING CRON needs 5 fields and a time zone ("<minute> <hour> <day-of-month> <month> <day-of-week> <time zone>"), got 5 parts: "0 1 * * UTC"',
    });
  });
});
