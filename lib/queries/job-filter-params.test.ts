import { describe, expect, it } from 'vitest';
import { parseJobFilter, parseTimelineFilter } from '@/lib/jobs/route-params';
import { jobFilterSearchParams, normalizeJobFilter } from './job-filter-params';

describe('jobFilterSearchParams', () => {
  it('repeats phase, kind and origin and sets batch, text and limit once', () => {
    const params = jobFilterSearchParams({
      phases: ['running', 'failed'],
      kinds: ['query'],
      origins: ['external', 'flurry'],
      batchId: 'b-1',
      text: '  generator ',
      limit: 50,
    });
    expect(params.toString()).toBe('phase=failed&phase=running&kind=query&origin=external&origin=flurry&batch=b-1&q=generator&limit=50');
  });

  it('writes nothing for an empty filter', () => {
    expect(jobFilterSearchParams({ phases: [], text: '   ' }).toString()).toBe('');
  });
});

describe('normalizeJobFilter', () => {
  it('makes equal filters equal regardless of order, duplicates and blanks', () => {
    expect(normalizeJobFilter({ phases: ['running', 'queued', 'running'], text: ' ', batchId: '' })).toEqual(
      normalizeJobFilter({ phases: ['queued', 'running'] }),
    );
  });
});

describe('a Jobs filter on its way to the server', () => {
  it('arrives with its origin', () => {
    expect(parseJobFilter(jobFilterSearchParams({ origins: ['external'], phases: ['running'] }))).toMatchObject({
      origins: ['external'],
      phases: ['running'],
    });
  });
});

describe('a Timeline filter on its way to the server', () => {
  it('arrives as it was sent', () => {
    const filter = {
      phases: ['succeeded' as const],
      kinds: ['job_service' as const],
      batchId: '0b9f5a8e-8a4e-4b8e-9d55-2d5b0e7c1a11',
      label: ' nightly ',
      since: 1_000,
      until: 2_000,
    };
    const params = jobFilterSearchParams(filter);
    expect(params.toString()).toBe('phase=succeeded&kind=job_service&batch=0b9f5a8e-8a4e-4b8e-9d55-2d5b0e7c1a11&label=nightly&since=1000&until=2000');
    expect(parseTimelineFilter(params)).toEqual({ ...filter, label: 'nightly' });
  });
});
