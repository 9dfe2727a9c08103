import { describe, expect, it } from 'vitest';
import { FLURRY_TAG_PREFIX, INTERNAL_QUERY_TAG, TASK_ACTION_TAG, queryTagText } from './query-tag';

describe('the QUERY_TAG texts Flurry writes', () => {
  it('names the batch and job of a launched statement as JSON', () => {
    expect(JSON.parse(queryTagText({ batchId: 'b-1', jobId: 'j-"2"' }))).toEqual({ app: 'flurry', batch: 'b-1', job: 'j-"2"' });
  });

  it('begins every tag with the prefix the history read leaves out', () => {
    // externalQueries() filters with NOT LIKE '<prefix>%': a tag not starting so would be imported as another client's query.
    for (const tag of [queryTagText({ batchId: 'b', jobId: 'j' }), INTERNAL_QUERY_TAG, TASK_ACTION_TAG]) {
      expect(tag.startsWith(FLURRY_TAG_PREFIX)).toBe(true);
    }
  });

  it('tells launches, internal reads and task actions apart', () => {
    expect(new Set([queryTagText({ batchId: 'b', jobId: 'j' }), INTERNAL_QUERY_TAG, TASK_ACTION_TAG]).size).toBe(3);
  });
});
