import { describe, expect, it } from 'vitest';
import type { JobFilter, TimelineFilter } from './job';
import { decodeTimelineFilter, encodeJobFilter, filterOfUrlState, jobFilterDecoder, normalizeJobFilter, type DecodedFilter } from './job-filter-codec';
import { describeParamErrors } from './validation/zod-problems';

const decodeJobFilter = jobFilterDecoder(1_000);
const BATCH = '0b9f5a8e-8a4e-4b8e-9d55-2d5b0e7c1a11';

function filterOf<F>(decoded: DecodedFilter<F>): F {
  if (!decoded.ok) throw new Error(`expected the parameters to be read: ${describeParamErrors(decoded.error)}`);
  return decoded.filter;
}

function problemOf(decoded: DecodedFilter<unknown>): string {
  if (decoded.ok) throw new Error('expected the parameters to be refused');
  return describeParamErrors(decoded.error);
}

describe('encodeJobFilter', () => {
  it('repeats phase, kind and origin and sets batch, text and limit once', () => {
    const params = encodeJobFilter({
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
    expect(encodeJobFilter({ phases: [], text: '   ' }).toString()).toBe('');
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
    expect(filterOf(decodeJobFilter(encodeJobFilter({ origins: ['external'], phases: ['running'] })))).toMatchObject({
      origins: ['external'],
      phases: ['running'],
    });
  });

  it('arrives as it was sent, every part of it', () => {
    const filter: JobFilter = { phases: ['failed', 'running'], kinds: ['job_service', 'query'], origins: ['flurry'], batchId: BATCH, text: 'orders', limit: 25 };
    expect(filterOf(decodeJobFilter(encodeJobFilter(filter)))).toEqual(filter);
  });

  it('reads lists as empty and the rest as absent when nothing is given', () => {
    expect(filterOf(decodeJobFilter(new URLSearchParams('')))).toEqual({ phases: [], kinds: [], origins: [] });
  });

  it('ignores what the Timeline reads, and names what it refuses', () => {
    expect(filterOf(decodeJobFilter(new URLSearchParams('label=nightly&since=soon')))).toEqual({ phases: [], kinds: [], origins: [] });
    expect(problemOf(decodeJobFilter(new URLSearchParams('origin=flurry&origin=elsewhere')))).toBe('origin: "elsewhere" is not an origin; use flurry, external.');
    expect(problemOf(decodeJobFilter(new URLSearchParams(`q=${'x'.repeat(201)}`)))).toBe('q: must be at most 200 characters');
    expect(problemOf(jobFilterDecoder(10)(new URLSearchParams('limit=11')))).toBe('limit: must be at most 10');
  });
});

describe('a Timeline filter on its way to the server', () => {
  it('arrives as it was sent', () => {
    const filter: TimelineFilter = { phases: ['succeeded'], kinds: ['job_service'], batchId: BATCH, label: ' nightly ', since: 1_000, until: 2_000 };
    const params = encodeJobFilter(filter);
    expect(params.toString()).toBe(`phase=succeeded&kind=job_service&batch=${BATCH}&label=nightly&since=1000&until=2000`);
    expect(filterOf(decodeTimelineFilter(params))).toEqual({ ...filter, label: 'nightly' });
  });

  it('names a bad batch and a window that ends before it starts', () => {
    expect(problemOf(decodeTimelineFilter(new URLSearchParams('batch=42')))).toBe('batch: must be a batch id (a UUID)');
    expect(problemOf(decodeTimelineFilter(new URLSearchParams('since=2000&until=1000')))).toBe('until: must not be before since');
  });
});

describe('a page’s URL state', () => {
  it('names the filter the routes read from the same URL', () => {
    const url = new URLSearchParams(`phase=running,failed&kind=query&origin=external&batch=${BATCH}&q=orders`);
    const state = { phase: ['running', 'failed'] as const, kind: 'query' as const, origin: 'external' as const, batch: BATCH, q: 'orders' };
    expect(filterOfUrlState(state)).toEqual(normalizeJobFilter(filterOf(decodeJobFilter(url))));
  });

  it('is empty when nothing is chosen', () => {
    expect(filterOfUrlState({ phase: [], kind: null, origin: null, batch: null, q: '', label: '' })).toEqual({});
  });
});
