import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from '@/lib/domain/validation/zod';
import type { Caller } from '@/lib/domain/access';
import { AccessError } from '@/lib/auth/errors';
import { createExportSlots, type ExportSlots } from '@/lib/domain/export-slots';
import { isTerminal } from '@/lib/domain/status';
import { JobNotFoundError, NoResultError } from '@/lib/errors/request-errors';
import { describeParamErrors } from '@/lib/domain/validation/zod-problems';
import type { WarehouseCalls } from '@/lib/warehouse/calls';
import { resultStreamOf } from '@/lib/warehouse/result-stream';
import { jobsWhen, startDashboardParts, type DashboardParts } from '@/test/dashboard-parts';
import { csvExport, parseCsvOptions, type CsvExportDeps } from './csv-export';
import { launchBatch } from './launch';

let parts: DashboardParts;
let rowsJob: string;
let failedJob: string;

const alice: Caller = { name: 'alice', access: 'full', address: null };
const bob: Caller = { name: 'bob', access: 'full', address: null };
const ALICE = 'caller:full:alice';
const ROWS = 2_500;

async function endedJob(sql: string): Promise<string> {
  const { jobIds } = await launchBatch({ sql, mode: 'parallel', label: null }, parts);
  await jobsWhen(() => parts.registry.getJobs(jobIds), (job) => isTerminal(job.phase));
  return jobIds[0];
}

beforeAll(async () => {
  parts = await startDashboardParts();
  rowsJob = await endedJob(
    `SELECT SEQ4() AS N, '=HYPERLINK(''http://evil.example'')' AS F, -12.5 AS D, NULL AS Z FROM TABLE(GENERATOR(ROWCOUNT => ${ROWS}))`,
  );
  failedJob = await endedJob('SELECT * FROM flurry_csv_missing');
});

afterAll(async () => {
  await parts?.close();
});

const deps = (slots: ExportSlots, warehouse: WarehouseCalls = parts.warehouse): CsvExportDeps => ({ registry: parts.registry, warehouse, slots });
const download = (slots: ExportSlots, caller = alice, raw = false, signal?: AbortSignal) =>
  csvExport(rowsJob, { caller, options: { raw }, signal }, deps(slots));

describe('the result stream a download reads', () => {
  it('hands over the rows in batches of 1,000, in order', async () => {
    const queryId = (await parts.registry.getJobs([rowsJob]))[0].queryId as string;
    const { batches } = await parts.warehouse.streamResultRows(queryId);
    const sizes: number[] = [];
    const firsts: (string | null)[] = [];
    for await (const batch of batches) {
      sizes.push(batch.length);
      firsts.push(batch[0][0]);
    }
    expect(sizes).toEqual([1_000, 1_000, 500]);
    expect(firsts).toEqual(['0', '1000', '2000']);
  });
});

describe('csvExport', () => {
  it('streams the whole result with its header, formula-like cells escaped, negative numbers kept', async () => {
    const slots = createExportSlots();
    const response = await download(slots);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="flurry-[\w-]+\.csv"$/);
    // Left uncompressed by Next and proxies: gzip more than doubled the CPU a download costs.
    expect(response.headers.get('cache-control')).toBe('no-store, no-transform');
    const lines = (await response.text()).split('\r\n');
    expect(lines).toHaveLength(ROWS + 2);
    expect(lines[0]).toBe('N,F,D,Z');
    expect(lines[1]).toBe(`0,"'=HYPERLINK('http://evil.example')",-12.5,`);
    expect(lines[ROWS]).toBe(`${ROWS - 1},"'=HYPERLINK('http://evil.example')",-12.5,`);
    expect(lines[ROWS + 1]).toBe('');
    expect(slots.running(ALICE)).toBe(0);
  });

  it('writes the cells as they are with ?raw=1', async () => {
    const response = await download(createExportSlots(), alice, parseCsvOptions(new URLSearchParams('raw=1')).raw);
    expect((await response.text()).split('\r\n')[1]).toBe(`0,=HYPERLINK('http://evil.example'),-12.5,`);
  });

  it('reads ?raw= as 0 or 1 and names any other value', () => {
    expect(parseCsvOptions(new URLSearchParams(''))).toEqual({ raw: false });
    expect(parseCsvOptions(new URLSearchParams('raw=0'))).toEqual({ raw: false });
    let error: unknown;
    try {
      parseCsvOptions(new URLSearchParams('raw=yes'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(z.ZodError);
    expect(describeParamErrors(error as z.ZodError)).toBe('raw: "yes" is not a raw setting; use 0, 1.');
  });

  it('lets a caller run two downloads at once, answers a third 429, and frees a slot when a client goes away', async () => {
    const slots = createExportSlots();
    const first = await download(slots);
    await download(slots);
    const refusal = await download(slots).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AccessError);
    expect((refusal as AccessError).httpStatus).toBe(429);
    expect((refusal as AccessError).message).toBe(
      'You already have 2 CSV downloads running; wait until one finishes (or stop it), then try again.',
    );
    // Someone else is not held up by alice's downloads.
    await (await download(slots, bob)).body?.cancel();

    // The client drops the first download after its first piece (as Next cancels the body).
    const reader = first.body?.getReader();
    await reader?.read();
    await reader?.cancel();
    expect(slots.running(ALICE)).toBe(1);
    expect((await download(slots)).ok).toBe(true);
  });

  it('frees the slot when the request is aborted', async () => {
    const slots = createExportSlots();
    const controller = new AbortController();
    const response = await download(slots, alice, false, controller.signal);
    expect(slots.running(ALICE)).toBe(1);
    controller.abort();
    expect(slots.running(ALICE)).toBe(0);
    // What had been read stops there: the stream ends instead of reading on.
    expect((await response.text()).split('\r\n').length).toBeLessThan(ROWS);
  });

  it('frees the slot when the job has no result to download', async () => {
    const slots = createExportSlots();
    await expect(csvExport(failedJob, { caller: alice, options: {} }, deps(slots))).rejects.toBeInstanceOf(NoResultError);
    await expect(csvExport(crypto.randomUUID(), { caller: alice, options: {} }, deps(slots))).rejects.toBeInstanceOf(JobNotFoundError);
    expect(slots.running(ALICE)).toBe(0);
  });

  it('frees the slot when reading the result fails part way, and the download fails', async () => {
    const slots = createExportSlots();
    const lost = new Error('the result chunk could not be fetched');
    const failing: WarehouseCalls = {
      ...parts.warehouse,
      async streamResultRows() {
        async function* batches() {
          yield [['1'], ['2']];
          throw lost;
        }
        return resultStreamOf([{ name: 'N', type: 'NUMBER(38,0)', nullable: false }], batches());
      },
    };
    const response = await csvExport(rowsJob, { caller: alice, options: {} }, deps(slots, failing));
    await expect(response.text()).rejects.toBe(lost);
    expect(slots.running(ALICE)).toBe(0);
  });
});
