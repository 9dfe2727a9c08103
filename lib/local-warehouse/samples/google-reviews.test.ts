import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { execute } from '@/lib/warehouse/sdk';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { SAMPLE_REVIEWS_TABLE, generateSampleReviews, sampleReviewsStatements } from './google-reviews';

const reviews = generateSampleReviews();

describe('generateSampleReviews', () => {
  it('makes at least 100 reviews with distinct texts and hashes', () => {
    expect(reviews.length).toBeGreaterThanOrEqual(100);
    expect(new Set(reviews.map((r) => r.REVIEW_TEXT)).size).toBe(reviews.length);
    expect(new Set(reviews.map((r) => r.REVIEW_HASH)).size).toBe(reviews.length);
  });

  it('keys each review by the SHA-256 hex digest of its text', () => {
    for (const review of reviews) {
      expect(review.REVIEW_HASH).toBe(createHash('sha256').update(review.REVIEW_TEXT).digest('hex'));
    }
  });

  it('makes the same reviews in the same order every time', () => {
    expect(generateSampleReviews()).toEqual(reviews);
    expect(generateSampleReviews(5, 7)).toEqual(generateSampleReviews(5, 7));
    expect(generateSampleReviews(5, 7)).not.toEqual(generateSampleReviews(5, 8));
  });

  it('mixes sentiment: every rating occurs, praise and complaints each make up a fair share', () => {
    const count = (test: (rating: number) => boolean) => reviews.filter((r) => test(r.RATING)).length;
    for (const rating of [1, 2, 3, 4, 5]) expect(count((r) => r === rating)).toBeGreaterThanOrEqual(8);
    expect(count((r) => r >= 4) / reviews.length).toBeGreaterThan(0.35);
    expect(count((r) => r <= 2) / reviews.length).toBeGreaterThan(0.2);
  });

  it('writes reviews of one to five sentences, short ones and long ones', () => {
    const sentenceCounts = reviews.map((r) => r.REVIEW_TEXT.split(/(?<=[.!?])\s+(?=[A-Z])/).length);
    expect(Math.min(...sentenceCounts)).toBe(1);
    expect(Math.max(...sentenceCounts)).toBeGreaterThanOrEqual(5);
  });

  it('agrees the rating with the wording', () => {
    const negative = /terrible|worst|avoid|awful|stay away|disappointing|poor|let down|downhill|not what/i;
    for (const review of reviews) {
      if (review.RATING >= 4) expect(review.REVIEW_TEXT).not.toMatch(negative);
      if (review.RATING <= 2) expect(review.REVIEW_TEXT).toMatch(negative);
    }
  });
});

describe('sampleReviewsStatements', () => {
  it('creates the database, schema and table, then inserts every row with quotes escaped', () => {
    const [database, schema, table, insert] = sampleReviewsStatements();
    expect(database).toBe('CREATE DATABASE IF NOT EXISTS GOOGLE_REVIEWS');
    expect(schema).toBe('CREATE SCHEMA IF NOT EXISTS GOOGLE_REVIEWS.GOOGLE_REVIEWS');
    expect(table).toBe(`CREATE OR REPLACE TABLE ${SAMPLE_REVIEWS_TABLE} (REVIEW_HASH VARCHAR, REVIEW_TEXT VARCHAR, RATING INTEGER)`);
    expect(insert.startsWith(`INSERT INTO ${SAMPLE_REVIEWS_TABLE} (REVIEW_HASH, REVIEW_TEXT, RATING) VALUES`)).toBe(true);
    expect(sampleReviewsStatements([{ REVIEW_HASH: 'ab', REVIEW_TEXT: "Can't complain.", RATING: 4 }])[3]).toBe(
      `INSERT INTO ${SAMPLE_REVIEWS_TABLE} (REVIEW_HASH, REVIEW_TEXT, RATING) VALUES\n  ('ab', 'Can''t complain.', 4)`,
    );
  });
});

describe('sampleReviewsStatements on the local warehouse', () => {
  const local = useConnectedWarehouse();

  it('is there on a fresh warehouse, and creating it left nothing in query history', async () => {
    const { rows: counted } = await execute<[number]>(local.connection, `SELECT COUNT(*) FROM ${SAMPLE_REVIEWS_TABLE}`, { rowMode: 'array' });
    expect(counted[0][0]).toBe(reviews.length);
    const { rows: history } = await execute<[string, string]>(
      local.connection,
      'SELECT USER_NAME, QUERY_TEXT FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY(RESULT_LIMIT => 10000))',
      { rowMode: 'array' },
    );
    expect(history.filter(([user]) => user !== 'FLURRY_TEST')).toEqual([]);
  });

  it('loads every review, and loads them once however often it runs', async () => {
    for (let run = 0; run < 2; run++) {
      for (const statement of sampleReviewsStatements()) await execute(local.connection, statement);
    }
    const { rows } = await execute<[string, string, number]>(
      local.connection,
      `SELECT REVIEW_HASH, REVIEW_TEXT, RATING FROM ${SAMPLE_REVIEWS_TABLE} ORDER BY REVIEW_HASH`,
      { rowMode: 'array' },
    );
    const expected = [...reviews].sort((a, b) => (a.REVIEW_HASH < b.REVIEW_HASH ? -1 : 1));
    expect(rows).toEqual(expected.map((r) => [r.REVIEW_HASH, r.REVIEW_TEXT, r.RATING]));
  });
});
