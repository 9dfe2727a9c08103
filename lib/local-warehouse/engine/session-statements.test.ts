import { describe, expect, it } from 'vitest';
import type { Outcome } from './types';
import { NO_SETTINGS, settingsAfter, withStatementTimeout } from './session-statements';

describe('withStatementTimeout', () => {
  it('fails a statement canceled by its timeout with Snowflake\'s 000630', async () => {
    let cancel = () => {};
    const aborted = new Promise<Outcome>((resolve) => (cancel = () => resolve({ status: 'ABORTED' })));
    expect(await withStatementTimeout(0.05, () => cancel(), () => aborted)).toEqual({
      status: 'FAILED_WITH_ERROR',
      error: {
        code: '000630',
        sqlState: '57014',
        message: 'Statement reached its statement or warehouse timeout of 0.05 second(s) and was canceled.',
      },
    });
  });

  it('leaves a statement that ends in time, or that someone else canceled, as it ended', async () => {
    let canceled = false;
    const done: Outcome = { status: 'SUCCESS', rowCount: 1, rowType: [] };
    expect(await withStatementTimeout(60, () => (canceled = true), async () => done)).toBe(done);
    expect(await withStatementTimeout(60, () => (canceled = true), async () => ({ status: 'ABORTED' }))).toEqual({ status: 'ABORTED' });
    expect(canceled).toBe(false);
  });
});

describe('settingsAfter', () => {
  it('hands the next statement of a request the variables and parameters the one before left', () => {
    const variables = { X: { type: 'fixed' as const, value: '1', createdAt: 1, updatedAt: 1 } };
    const where = { database: 'D', schema: 'S', warehouse: 'W', role: 'R' };
    expect(settingsAfter(NO_SETTINGS, { ...where, variables })).toEqual({ variables, parameters: {} });
    const set = { variables, parameters: { TIMEZONE: 'UTC' } };
    expect(settingsAfter(set, where)).toEqual(set);
    expect(settingsAfter(set, { ...where, parameters: {} })).toEqual({ variables, parameters: {} });
  });
});
