/**
 * The SQL corpus: statements from Snowflake's documentation, each with the result the
 * documentation shows, run through snowflake-sdk against the local warehouse
 * (corpus.test.ts) and measured by `npm run bench:corpus`.
 */

/** A result cell as the documentation prints it: text, a number, a boolean, NULL, or JSON for VARIANT/OBJECT/ARRAY. */
export type Cell = string | number | boolean | null | Cell[] | { [key: string]: Cell };

export interface CorpusCase {
  /** The documentation page the example comes from, e.g. `functions/dateadd`. */
  source: string;
  sql: string;
  /** Statements run first, in the same session, in a schema of the case's own. */
  setup?: string[];
  /** The expected rows, in order unless `unordered`. */
  rows?: Cell[][];
  /** Compare rows as a multiset (the example has no ORDER BY). */
  unordered?: boolean;
  /** The expected column names. */
  columns?: string[];
  /** The expected column types as snowflake-sdk reports them (`fixed`, `text`, `variant`, `array` …). */
  types?: string[];
  /** The expected error: its code, and text its message contains (or matches). */
  error?: { code: string; message?: string | RegExp };
  /**
   * Why the local warehouse does not yet give this result. The case must still fail (the test
   * says so once it passes), and docs/local-warehouse.md lists it.
   */
  knownGap?: string;
}

export type Category = readonly CorpusCase[];
