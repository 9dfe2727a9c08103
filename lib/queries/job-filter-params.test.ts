import { describe, expect, it } from 'vitest';
import { jobFilterSearchParams, normalizeJobFilter } from './job-filter-params';

describe('jobFilterSearchParams', () => {
  it('repeats phase and kind and sets batch, text and limit once', () => {
    const params = jobFilterSearchParams({
      phases: ['running', 'failed'],
      kinds: ['query'],
      batchId: 'b-1',
      text: '  generator ',
      limit: 50,
    });
    expect(params.toString()).toBe('phase=failed&phase=running&kind=query&batch=b-1&q=generator&limit=50');
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
