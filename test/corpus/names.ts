/**
 * Task and job service names Snowflake does not take: empty, 300 characters, a NUL, an unclosed
 * quote, a semicolon outside quotes, quotes where job names cannot have them. Sent as SQL through
 * snowflake-sdk by warehouse.test.ts; each refusal names the token and its position. (Batch
 * labels are the dashboard's own: dashboard-inputs.ts.)
 */
import type { BadInput } from './bad-input';

const name = (label: string, input: string, expect: RegExp): BadInput<string> => ({ name: label, input, expect });

const SPEC = "$$spec:\n  containers:\n  - name: main\n    image: /db/schema/repo/flurry_test:latest\n$$";
const job = (nameClause: string) => `EXECUTE JOB SERVICE IN COMPUTE POOL CORPUS_POOL NAME = ${nameClause} FROM SPECIFICATION ${SPEC}`;

export const badTaskNames: BadInput<string>[] = [
  name('empty quoted task name', 'CREATE TASK "" AS SELECT 1', /A name cannot be empty \(""\)\. \(line 1 at position 12\)/),
  name('300-character task name', `CREATE TASK "${'T'.repeat(300)}" AS SELECT 1`, /The name 'T{20}…' is 300 characters long; Snowflake names are at most 255\. \(line 1 at position 12\)/),
  name('task name with a NUL', 'CREATE TASK "a\u0000b" AS SELECT 1', /syntax error line 1 at position 14 unexpected 'NUL \(U\+0000\)'/),
  name('task name with an unclosed quote', 'CREATE TASK "never closed AS SELECT 1', /syntax error line 1 at position 12 unexpected '"never closed AS SELECT 1'\.\nThe quoted identifier starting here is not closed\./),
  name('task name with a bare semicolon', 'CREATE TASK nightly;load AS SELECT 1', /Actual statement count 2 did not match the desired statement count 1/),
  name('task name starting with a digit', 'CREATE TASK 1nightly AS SELECT 1', /syntax error line 1 at position 12 unexpected '1'\.\nExpected a task name\./),
  name('unknown task with quotes and unicode', 'ALTER TASK "it\'s ""☃""; go" RESUME', /Task 'FLURRY\.PUBLIC\."it's ""☃""; go"' does not exist or not authorized\./),
  name('task name of four parts', 'CREATE TASK A.B.C.D AS SELECT 1', /syntax error line 1 at position 17 unexpected '\.'/),
];

export const badServiceNames: BadInput<string>[] = [
  name('quoted job name', job('"My job"'), /syntax error line 1 at position 55 unexpected '"My job"'\.\nQuoted names are not supported here\./),
  name('300-character job name', job('J'.repeat(300)), /The name 'J{20}…' is 300 characters long; Snowflake names are at most 255\. \(line 1 at position 55\)/),
  name('job name with a bare semicolon', job('a;b'), /Actual statement count 2 did not match the desired statement count 1/),
  name('job name of a symbol', job('☃'), /syntax error line 1 at position 55 unexpected '☃'\.\nExpected the job name after NAME =\./),
  name('compute pool name with a NUL', 'EXECUTE JOB SERVICE IN COMPUTE POOL "P\u0000" FROM SPECIFICATION $$spec: {}$$', /syntax error line 1 at position 38 unexpected 'NUL \(U\+0000\)'/),
  name('unknown compute pool with quotes', `EXECUTE JOB SERVICE IN COMPUTE POOL "it's; ☃" FROM SPECIFICATION ${SPEC}`, /Compute pool 'it's; ☃' does not exist or not authorized\./),
];
