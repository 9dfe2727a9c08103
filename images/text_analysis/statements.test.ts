import { describe, expect, it } from 'vitest';
import { addResultColumn, countRows, createResultTable, describeColumns, mergeResults, readBatch } from './statements';

describe('statements', () => {
  it('counts and pages the source by ROW_NUMBER over the id, with the bounds bound', () => {
    expect(countRows('G.G.SAMPLE_REVIEWS')).toBe('SELECT COUNT(*) AS ROW_COUNT FROM G.G.SAMPLE_REVIEWS');
    expect(readBatch('G.G.SAMPLE_REVIEWS', 'REVIEW_HASH', 'REVIEW_TEXT', 11, 20)).toEqual({
      sql:
        'SELECT REVIEW_HASH, REVIEW_TEXT FROM (SELECT REVIEW_HASH, REVIEW_TEXT, ROW_NUMBER() OVER (ORDER BY REVIEW_HASH) ' +
        'AS TEXT_ANALYSIS_ROW_NUMBER FROM G.G.SAMPLE_REVIEWS) WHERE TEXT_ANALYSIS_ROW_NUMBER BETWEEN ? AND ? ' +
        'ORDER BY TEXT_ANALYSIS_ROW_NUMBER',
      binds: [11, 20],
    });
  });

  it('creates an empty result table keyed by the source id, and adds missing VARCHAR columns idempotently', () => {
    expect(describeColumns('results')).toBe('SELECT * FROM results LIMIT 0');
    expect(createResultTable('results', 'SRC', 'ID', ['SENTIMENT_LABEL', 'SENTIMENT_SCORE'])).toBe(
      'CREATE TABLE IF NOT EXISTS results AS SELECT ID, CAST(NULL AS VARCHAR) AS SENTIMENT_LABEL, ' +
        'CAST(NULL AS VARCHAR) AS SENTIMENT_SCORE FROM SRC WHERE FALSE',
    );
    expect(addResultColumn('results', 'SUMMARY_TEXT')).toBe('ALTER TABLE results ADD COLUMN IF NOT EXISTS SUMMARY_TEXT VARCHAR');
  });

  it('merges a batch by id, updating matched rows and inserting the rest, every value bound', () => {
    const { sql, binds } = mergeResults('results', '"id"', ['SENTIMENT_LABEL', 'SENTIMENT_SCORE'], [
      ['a', 'POSITIVE', '0.9'],
      [7, 'NEGATIVE', '0.8'],
    ]);
    expect(sql).toBe(
      'MERGE INTO results AS T USING (SELECT ? AS "id", ? AS SENTIMENT_LABEL, ? AS SENTIMENT_SCORE UNION ALL SELECT ?, ?, ?) AS S ' +
        'ON T."id" = S."id" WHEN MATCHED THEN UPDATE SET SENTIMENT_LABEL = S.SENTIMENT_LABEL, SENTIMENT_SCORE = S.SENTIMENT_SCORE ' +
        'WHEN NOT MATCHED THEN INSERT ("id", SENTIMENT_LABEL, SENTIMENT_SCORE) VALUES (S."id", S.SENTIMENT_LABEL, S.SENTIMENT_SCORE)',
    );
    expect(binds).toEqual(['a', 'POSITIVE', '0.9', 7, 'NEGATIVE', '0.8']);
  });
});
