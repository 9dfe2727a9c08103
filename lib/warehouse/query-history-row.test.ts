import { describe, expect, it } from 'vitest';
import { historyTimes } from './query-history-row';

const row = (fields: Record<string, unknown>) => ({
  QUERY_ID: 'q-1',
  EXECUTION_STATUS: 'SUCCESS',
  ERROR_CODE: null,
  ERROR_MESSAGE: null,
  ROWS_PRODUCED: 3,
  ...fields,
});

describe('a QUERY_HISTORY row as query times', () => {
  it('dates the start of execution back from the end for an ended query', () => {
    const times = historyTimes(
      row({ START_TIME: '2026-03-01T10:00:00.000Z', END_TIME: '2026-03-01T10:00:05.000Z', TOTAL_ELAPSED_TIME: 5000, EXECUTION_TIME: 3000 }),
    );
    expect(times).toEqual({
      queryId: 'q-1',
      status: 'SUCCESS',
      queuedAt: Date.parse('2026-03-01T10:00:00.000Z'),
      startedAt: Date.parse('2026-03-01T10:00:02.000Z'),
      endedAt: Date.parse('2026-03-01T10:00:05.000Z'),
      errorCode: null,
      errorMessage: null,
      rowCount: 3,
    });
  });

  it('dates it forward from the start, by the time elapsed so far, for a query still running', () => {
    const times = historyTimes(
      row({ EXECUTION_STATUS: 'RUNNING', START_TIME: '2026-03-01T10:00:00.000Z', END_TIME: null, TOTAL_ELAPSED_TIME: 9000, EXECUTION_TIME: 4000 }),
    );
    expect(times).toMatchObject({ status: 'RUNNING', startedAt: Date.parse('2026-03-01T10:00:05.000Z'), endedAt: null });
  });

  it('leaves the start unknown for a query that has not begun executing', () => {
    const times = historyTimes(row({ EXECUTION_STATUS: 'QUEUED', START_TIME: '2026-03-01T10:00:00.000Z', END_TIME: null, TOTAL_ELAPSED_TIME: 700, EXECUTION_TIME: 0 }));
    expect(times).toMatchObject({ queuedAt: Date.parse('2026-03-01T10:00:00.000Z'), startedAt: null, endedAt: null });
  });

  it('keeps the error a failed query reports', () => {
    const times = historyTimes(
      row({
        EXECUTION_STATUS: 'FAILED_WITH_ERROR',
        START_TIME: '2026-03-01T10:00:00.000Z',
        END_TIME: '2026-03-01T10:00:00.100Z',
        TOTAL_ELAPSED_TIME: 100,
        EXECUTION_TIME: 0,
        ERROR_CODE: '002003',
        ERROR_MESSAGE: 'Object does not exist',
        ROWS_PRODUCED: null,
      }),
    );
    expect(times).toMatchObject({ startedAt: times.endedAt, errorCode: '002003', errorMessage: 'Object does not exist', rowCount: null });
  });
});
