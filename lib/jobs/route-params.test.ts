import { describe, expect, it } from 'vitest';
import { z } from '@/lib/domain/validation/zod';
import { describeParamErrors } from '@/lib/domain/validation/zod-problems';
import { DEFAULT_LOG_LINES, DEFAULT_RESULT_ROWS, parseJobFilter, parseLogRequest, parseResultLimit, parseTimelineFilter } from './route-params';

const params = (query: string) => new URLSearchParams(query);

function paramError(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    if (error instanceof z.ZodError) return describeParamErrors(error);
    throw error;
  }
  throw new Error('expected the parameters to be refused');
}

describe('parseJobFilter', () => {
  it('reads repeated and comma-separated lists alike', () => {
    expect(parseJobFilter(params('phase=running&phase=failed,cancelled&kind=query'))).toEqual({
      phases: ['running', 'failed', 'cancelled'],
      kinds: ['query'],
      origins: [],
      batchId: undefined,
      text: undefined,
      limit: undefined,
    });
  });

  it('reads batch, text and limit, ignoring empty values', () => {
    const batch = '0b9f5a8e-8a4e-4b8e-9d55-2d5b0e7c1a11';
    expect(parseJobFilter(params(`batch=${batch}&q=+orders+&limit=50&phase=`))).toMatchObject({ batchId: batch, text: 'orders', limit: 50, phases: [] });
  });

  it('names every bad parameter and what would be accepted', () => {
    const message = paramError(() => parseJobFilter(params('phase=done&limit=0&batch=42')));
    expect(message).toContain('phase: "done" is not a phase; use queued, running, succeeded, failed, cancelled, skipped.');
    expect(message).toContain('limit: must be at least 1');
    expect(message).toContain('batch: must be a batch id');
    expect(paramError(() => parseJobFilter(params('limit=many')))).toBe('limit: must be a number');
    expect(paramError(() => parseJobFilter(params('limit=5000')))).toBe('limit: must be at most 1000');
  });
});

describe('parseResultLimit', () => {
  it('defaults, and refuses what is not a page size', () => {
    expect(parseResultLimit(params(''))).toBe(DEFAULT_RESULT_ROWS);
    expect(parseResultLimit(params('limit=10'))).toBe(10);
    expect(paramError(() => parseResultLimit(params('limit=2.5')))).toBe('limit: must be a whole number');
  });
});

describe('parseLogRequest', () => {
  it('reads instance, container and lines, with a default number of lines', () => {
    expect(parseLogRequest(params('instance=0&container=main'))).toEqual({ instanceId: '0', containerName: 'main', lines: DEFAULT_LOG_LINES });
    expect(parseLogRequest(params('instance=1&container=side-car&lines=50')).lines).toBe(50);
  });

  it('names every bad parameter', () => {
    const message = paramError(() => parseLogRequest(params("container=Main';--&lines=0")));
    expect(message).toContain('instance: must name the instance');
    expect(message).toContain('container: must be a container name');
    expect(message).toContain('lines: must be at least 1');
  });
});

describe('parseJobFilter kinds', () => {
  it('accepts job services and names the kinds it knows', () => {
    expect(parseJobFilter(params('kind=job_service,query')).kinds).toEqual(['job_service', 'query']);
    expect(paramError(() => parseJobFilter(params('kind=task')))).toBe('kind: "task" is not a kind; use query, job_service.');
  });
});

describe('parseJobFilter origins', () => {
  it('reads Flurry’s own and external, and names the origins it knows', () => {
    expect(parseJobFilter(params('origin=external')).origins).toEqual(['external']);
    expect(parseJobFilter(params('origin=flurry&origin=external')).origins).toEqual(['flurry', 'external']);
    expect(paramError(() => parseJobFilter(params('origin=elsewhere')))).toBe('origin: "elsewhere" is not an origin; use flurry, external.');
  });
});

describe('parseTimelineFilter', () => {
  it('reads the filters and the time window', () => {
    const batch = '0b9f5a8e-8a4e-4b8e-9d55-2d5b0e7c1a11';
    expect(parseTimelineFilter(params(`batch=${batch}&kind=job_service&phase=failed,cancelled&label=+nightly+&since=1000&until=2000`))).toEqual({
      phases: ['failed', 'cancelled'],
      kinds: ['job_service'],
      batchId: batch,
      label: 'nightly',
      since: 1_000,
      until: 2_000,
    });
  });

  it('names a bad time, and a window that ends before it starts', () => {
    expect(paramError(() => parseTimelineFilter(params('since=yesterday')))).toBe('since: must be a time in epoch milliseconds');
    expect(paramError(() => parseTimelineFilter(params('since=1.5')))).toBe('since: must be a whole number of milliseconds');
    expect(paramError(() => parseTimelineFilter(params('since=2000&until=1000')))).toBe('until: must not be before since');
    expect(paramError(() => parseTimelineFilter(params('kind=task')))).toBe('kind: "task" is not a kind; use query, job_service.');
  });
});
