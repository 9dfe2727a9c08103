import { describe, expect, it } from 'vitest';
import type { JobLogRow } from '../engine/service-statements';
import { jobLogs, type JobLogsContext } from './job-logs';

const NOW = Date.parse('2026-01-02T03:04:05Z');
const DAY_MS = 24 * 3600 * 1000;

function context(rows: JobLogRow[]): { context: JobLogsContext; asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    context: {
      nowMs: NOW,
      session: { database: 'DB', schema: 'S', warehouse: 'WH', role: 'R', user: 'U' },
      jobServices: {
        name: 'JOBS',
        flush: async () => {},
        logs: async (job, where) => {
          asked.push({ job, where });
          return rows;
        },
      },
    },
  };
}

describe('jobLogs', () => {
  it('replaces TABLE(<job>!SPCS_GET_LOGS()) by the lines of the job it names, a day back to now by default', async () => {
    const { context: ctx, asked } = context([
      { timestamp: NOW - 1000, instanceId: 0, containerName: 'main', stream: 'stderr', text: "it's here" },
    ]);
    const sql = await jobLogs('SELECT LOG FROM TABLE(OTHER."My Job" ! SPCS_GET_LOGS()) L WHERE INSTANCE_ID = 0', ctx);
    expect(asked).toEqual([{ job: { database: null, schema: 'OTHER', name: 'My Job' }, where: ctx.session }]);
    expect(sql).toBe(
      'SELECT LOG FROM (SELECT "TIMESTAMP", INSTANCE_ID, CONTAINER_NAME, LOG, RECORD_ATTRIBUTES FROM ' +
        `(VALUES (${NOW - 1000}::BIGINT, 0::BIGINT, EPOCH_MS(${NOW - 1000}::BIGINT), 0::BIGINT, 'main', 'it''s here', {'log.iostream': 'stderr'})) ` +
        'AS SF_LOGS(SF_MS, SF_LINE, "TIMESTAMP", INSTANCE_ID, CONTAINER_NAME, LOG, RECORD_ATTRIBUTES) ' +
        `WHERE EPOCH_MS(SF_MS)::TIMESTAMPTZ >= (EPOCH_MS(${NOW - DAY_MS}::BIGINT)::TIMESTAMPTZ) ` +
        `AND EPOCH_MS(SF_MS)::TIMESTAMPTZ <= (EPOCH_MS(${NOW}::BIGINT)::TIMESTAMPTZ) ORDER BY SF_MS, SF_LINE) L WHERE INSTANCE_ID = 0`,
    );
  });

  it('takes START_TIME and END_TIME as expressions, and answers no lines with an empty relation of the same columns', async () => {
    const sql = await jobLogs(
      "SELECT * FROM TABLE(J!SPCS_GET_LOGS(START_TIME => CURRENT_TIMESTAMP() - INTERVAL '3 DAYS', END_TIME => '2026-01-01'::TIMESTAMPTZ))",
      context([]).context,
    );
    expect(sql).toContain('NULL::STRUCT("log.iostream" VARCHAR) AS RECORD_ATTRIBUTES WHERE FALSE)');
    expect(sql).toContain(">= (CURRENT_TIMESTAMP() - INTERVAL '3 DAYS') AND EPOCH_MS(SF_MS)::TIMESTAMPTZ <= ('2026-01-01'::TIMESTAMPTZ)");
  });

  it('leaves other statements alone and refuses unknown arguments', async () => {
    const { context: ctx, asked } = context([]);
    expect(await jobLogs("SELECT 'TABLE(J!SPCS_GET_LOGS())', J!SPCS_GET_LOGS FROM T", ctx)).toBe("SELECT 'TABLE(J!SPCS_GET_LOGS())', J!SPCS_GET_LOGS FROM T");
    expect(asked).toEqual([]);
    await expect(jobLogs('SELECT * FROM TABLE(J!SPCS_GET_LOGS(SINCE => 1))', ctx)).rejects.toThrow(
      /SPCS_GET_LOGS takes named arguments \(START_TIME, END_TIME\)/,
    );
  });
});
