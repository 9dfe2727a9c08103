import { describe, expect, it } from 'vitest';
import { ArgumentError, parseArgs } from './args';

const REQUIRED = [
  '--source_table=google_reviews.google_reviews.sample_reviews',
  '--source_id_column=REVIEW_HASH',
  '--source_value_column=REVIEW_TEXT',
  '--result_table=results',
];

const errorOf = (argv: string[]) => {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(ArgumentError);
    return (error as Error).message;
  }
  throw new Error('parseArgs accepted bad arguments');
};

describe('parseArgs', () => {
  it("reads the sample's arguments, with summarization as the default task", () => {
    expect(parseArgs(REQUIRED)).toEqual({
      task: 'summarization',
      sourceTable: 'google_reviews.google_reviews.sample_reviews',
      sourceIdColumn: 'REVIEW_HASH',
      sourceValueColumn: 'REVIEW_TEXT',
      resultTable: 'results',
    });
  });

  it('accepts --name=value and --name value alike', () => {
    expect(parseArgs(['--task', 'sentiment', ...REQUIRED]).task).toBe('sentiment');
    expect(parseArgs(['--task=sentiment', '--source_table', 'T', ...REQUIRED.slice(1)]).sourceTable).toBe('T');
  });

  it('accepts quoted identifiers', () => {
    const args = parseArgs(['--source_table="My Db".PUBLIC."Reviews"', '--source_id_column="id"', '--source_value_column="Review ""text"""', '--result_table=R']);
    expect(args.sourceTable).toBe('"My Db".PUBLIC."Reviews"');
    expect(args.sourceValueColumn).toBe('"Review ""text"""');
  });

  it('names every missing required argument', () => {
    expect(errorOf(REQUIRED.slice(0, 3))).toBe('the following arguments are required: --result_table');
    expect(errorOf(['--task=sentiment'])).toBe(
      'the following arguments are required: --source_table, --source_id_column, --source_value_column, --result_table',
    );
    expect(errorOf([...REQUIRED.slice(1), '--source_table='])).toBe('the following arguments are required: --source_table');
  });

  it('rejects an unknown task, an unknown option, a stray value and an option without one', () => {
    expect(errorOf(['--task=translation', ...REQUIRED])).toBe(
      "argument --task: invalid choice 'translation' (choose from summarization, sentiment)",
    );
    expect(errorOf(['--model=t5', ...REQUIRED])).toMatch(/^unrecognized argument: --model \(expected --task, --source_table/);
    expect(errorOf(['summarization', ...REQUIRED])).toBe('unrecognized argument: summarization');
    expect(errorOf([...REQUIRED, '--task'])).toBe('argument --task: expected one value');
    expect(errorOf(['--task', '--source_table=T', ...REQUIRED])).toBe('argument --task: expected one value');
  });

  it('rejects names that are not identifiers, since they are spliced into SQL', () => {
    expect(errorOf([...REQUIRED.slice(0, 3), '--result_table=results; DROP TABLE x'])).toBe(
      "argument --result_table: 'results; DROP TABLE x' is not a table name",
    );
    expect(errorOf([REQUIRED[0], '--source_id_column=a.b', ...REQUIRED.slice(2)])).toBe(
      "argument --source_id_column: 'a.b' is not a column name",
    );
    expect(errorOf(['--source_table=a.b.c.d', ...REQUIRED.slice(1)])).toBe("argument --source_table: 'a.b.c.d' is not a table name");
  });
});
