/**
 * Properties of the EXECUTE JOB SERVICE grammar: every statement the Launch form's builder makes
 * parses back to the values it was built from and is one statement, and no input makes the
 * parsers throw anything but their SqlStatementError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainIdentifier } from '../sql/literals';
import { anyText, identifierNames, trickyText } from '../sql/sql-fragments.fixture';
import { splitStatements } from '../sql/split-statements';
import { parsesOrRefuses } from '../sql/statement-error.fixture';
import { buildExecuteJobService, parseExecuteJobService, type ExecuteJobServiceOptions } from './execute-job-service';
import { parseServiceStatement } from './service-statements';

/** A part of a job name: the builder takes only plain words (job names cannot be quoted). */
const plainPart = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_$]{0,15}$/).filter((part) => isPlainIdentifier(part.toUpperCase()));

const options: fc.Arbitrary<ExecuteJobServiceOptions> = fc.record(
  {
    computePool: identifierNames,
    name: fc.option(fc.array(plainPart, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.')), { nil: null }),
    async: fc.boolean(),
    replicas: fc.integer({ min: 1, max: 1_000_000 }),
    queryWarehouse: fc.option(identifierNames, { nil: null }),
    comment: fc.option(fc.oneof(anyText(), trickyText()), { nil: null }),
    externalAccessIntegrations: fc.array(identifierNames, { maxLength: 3 }),
    spec: fc.oneof(anyText(200), trickyText(200)).filter((spec) => !spec.includes('$$')),
  },
  { requiredKeys: ['computePool', 'spec'] },
);

describe('buildExecuteJobService → parseExecuteJobService', () => {
  it('parses back to the values the statement was built from, as one statement', () => {
    fc.assert(
      fc.property(options, (built) => {
        const sql = buildExecuteJobService(built);
        expect(splitStatements(sql).map((statement) => statement.sql)).toEqual([sql]);
        const parsed = parseExecuteJobService(sql);
        const nameParts = built.name ? built.name.toUpperCase().split('.') : null;
        expect(parsed).toEqual({
          computePool: built.computePool,
          name: nameParts && { database: nameParts.at(-3) ?? null, schema: nameParts.at(-2) ?? null, name: nameParts.at(-1) },
          async: built.async ?? false,
          replicas: built.replicas ?? 1,
          queryWarehouse: built.queryWarehouse || null,
          comment: built.comment || null,
          externalAccessIntegrations: built.externalAccessIntegrations ?? [],
          tags: [],
          spec: { kind: 'inline', text: `\n${built.spec.endsWith('\n') ? built.spec : `${built.spec}\n`}` },
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseExecuteJobService and parseServiceStatement on any text', () => {
  const tails = fc.array(fc.oneof(trickyText(10), fc.constantFrom('NAME', '=', 'FROM', 'SPECIFICATION', 'SPECIFICATION_TEMPLATE', 'USING', '(', ')', '=>', ',', '@', 'REPLICAS', '-', '1', "'x'", '$$y$$', 'TAG', 'ASYNC', 'TRUE')), { maxLength: 12 });

  it('throws nothing but a SqlStatementError', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(100), tails.map((tail) => `EXECUTE JOB SERVICE IN COMPUTE POOL P ${tail.join(' ')}`)), (sql) => {
        parsesOrRefuses(() => parseExecuteJobService(sql));
        parsesOrRefuses(() => parseServiceStatement(sql));
      }),
      { numRuns: 300 },
    );
  });
});
