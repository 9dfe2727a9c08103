/**
 * Properties of the CREATE TASK grammar: the statement the task form builds (task-form-sql.ts)
 * for any task definition (names quoted or not, unicode, schedules, AFTER lists, WHEN, bodies
 * holding `;` and quotes) is one statement and parses back to that definition; no text makes the
 * parser throw anything but its SqlStatementError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sqlStringLiteral } from '../sql/literals';
import { anyText, identifierNames, statementText, trickyText } from '../sql/sql-fragments.fixture';
import { splitStatements } from '../sql/split-statements';
import { parsesOrRefuses } from '../sql/statement-error.fixture';
import { cronExpression, scheduleOrNever, timeZone } from './cron.fixture';
import { MAX_INTERVAL_MS } from './schedule';
import { createTaskSql } from './task-form-sql';
import { INTERVAL_UNITS, qualifiedTaskName, scheduleText, type TaskFormValues } from './task-form';
import { OVERLAP_POLICIES, TASK_WAREHOUSE_SIZES } from './task-properties';
import { parseTaskStatement, type CreateTask } from './task-statements';

const UNIT_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000 } as const;

const qualifiedName = fc.record({ database: identifierNames, schema: identifierNames, name: identifierNames });

const schedules: fc.Arbitrary<TaskFormValues['schedule']> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constantFrom(...INTERVAL_UNITS).chain((unit) => fc.integer({ min: 1, max: MAX_INTERVAL_MS / UNIT_MS[unit] }).map((amount) => ({ kind: 'interval' as const, amount, unit }))),
  fc.tuple(cronExpression, timeZone).map(([expression, zone]) => ({ kind: 'cron' as const, expression, timeZone: zone })),
).filter((schedule) => {
  const text = scheduleText(schedule);
  return text === null || scheduleOrNever(text) !== null;
});

const literal = fc.oneof(anyText(20), trickyText(20)).map(sqlStringLiteral);
const conditions = fc.oneof(
  fc.tuple(fc.constantFrom('1', 'a', '"b c"', 'x.y'), fc.constantFrom('=', '<>', '>', '<='), fc.oneof(literal, fc.constant('2'))).map((parts) => parts.join(' ')),
  literal.map((name) => `SYSTEM$STREAM_HAS_DATA(${name})`),
  literal.map((text) => `CAST(${text} AS INT) > 0 AND TRUE`),
);
const bodies = fc.oneof(
  statementText.map((text) => `SELECT ${text}`),
  literal.map((text) => `CALL refresh(${text})`),
  fc.tuple(identifierNames, literal).map(([table, text]) => `INSERT INTO ${qualifiedTaskName({ database: 'DB', schema: 'S', name: table })} VALUES (${text})`),
);
const jsonObjects = fc.dictionary(fc.oneof(anyText(10), trickyText(10)), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((value) => JSON.stringify(value));

/** Where the task sits: a root or standalone task, a child, or a finalizer, each with only what it may have. */
const shapes = fc.oneof(
  schedules.map((schedule) => ({ schedule, predecessors: [] as string[], finalize: null })),
  fc.array(qualifiedName.map(qualifiedTaskName), { minLength: 1, maxLength: 4 }).map((predecessors) => ({ schedule: { kind: 'none' as const }, predecessors, finalize: null })),
  qualifiedName.map((root) => ({ schedule: { kind: 'none' as const }, predecessors: [] as string[], finalize: qualifiedTaskName(root) })),
);

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

const definitions: fc.Arbitrary<TaskFormValues> = fc
  .record({
    name: qualifiedName,
    compute: fc.oneof(
      identifierNames.map((warehouse) => ({ warehouse, initialWarehouseSize: null })),
      fc.constantFrom(...TASK_WAREHOUSE_SIZES).map((size) => ({ warehouse: null, initialWarehouseSize: size })),
      fc.constant({ warehouse: null, initialWarehouseSize: null }),
    ),
    shape: shapes,
    when: nullable(conditions),
    body: bodies,
    comment: nullable(fc.oneof(anyText(), trickyText())),
    config: nullable(jsonObjects),
    overlapPolicy: nullable(fc.constantFrom(...OVERLAP_POLICIES)),
    userTaskTimeoutMs: nullable(fc.integer({ min: 1, max: 604_800_000 })),
    suspendTaskAfterNumFailures: nullable(fc.integer({ min: 0, max: 1_000_000 })),
    taskAutoRetryAttempts: nullable(fc.integer({ min: 0, max: 30 })),
  })
  .map(({ name, compute, shape, ...rest }) => ({ ...name, ...compute, ...shape, ...rest }));

/** `DB.S.NAME` as SHOW TASKS writes it, as the parser reads it. */
const objectName = (qualified: string) => {
  const parsed = parseTaskStatement(`DROP TASK ${qualified}`);
  if (parsed?.kind !== 'drop_task') throw new Error(`not a name: ${qualified}`);
  return parsed.name;
};

describe('createTaskSql → parseTaskStatement', () => {
  it('parses the statement the form builds back to the definition it was built from, as one statement', () => {
    fc.assert(
      fc.property(definitions, (values) => {
        const sql = createTaskSql(values);
        expect(splitStatements(sql).map((statement) => statement.sql)).toEqual([sql]);
        const expected: CreateTask = {
          kind: 'create_task',
          orReplace: false,
          ifNotExists: false,
          name: { database: values.database, schema: values.schema, name: values.name },
          properties: {
            warehouse: values.warehouse ?? undefined,
            userTaskManagedInitialWarehouseSize: values.initialWarehouseSize ?? undefined,
            schedule: scheduleText(values.schedule) ?? undefined,
            config: values.config ?? undefined,
            overlapPolicy: values.overlapPolicy ?? undefined,
            userTaskTimeoutMs: values.userTaskTimeoutMs ?? undefined,
            suspendTaskAfterNumFailures: values.suspendTaskAfterNumFailures ?? undefined,
            taskAutoRetryAttempts: values.taskAutoRetryAttempts ?? undefined,
            comment: values.comment ?? undefined,
          },
          finalize: values.finalize === null ? null : objectName(values.finalize),
          after: values.predecessors.map(objectName),
          when: values.when,
          body: values.body,
        };
        expect(parseTaskStatement(sql)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseTaskStatement on any text', () => {
  const words = fc.constantFrom('CREATE', 'OR', 'REPLACE', 'TASK', 'ALTER', 'EXECUTE', 'AFTER', 'WHEN', 'AS', 'SCHEDULE', '=', ',', '.', 'FINALIZE', 'SET', 'UNSET', 'CONFIG', "'x'", '$${"a": 1}$$', '(', ')', 'RETRY', 'LAST', 'USING', 'SELECT', 'SYSTEM$TASK_DEPENDENTS_ENABLE', '5', '-');
  const texts = fc.oneof(
    anyText(100),
    fc.array(fc.oneof(words, trickyText(6)), { maxLength: 14 }).map((parts) => parts.join(' ')),
    fc.constantFrom('CREATE TASK', 'ALTER TASK', 'EXECUTE TASK', 'DROP TASK', 'SHOW TASKS', 'DESCRIBE TASK', 'SELECT SYSTEM$TASK_DEPENDENTS_ENABLE').chain((start) =>
      fc.array(fc.oneof(words, trickyText(6)), { maxLength: 12 }).map((parts) => `${start} ${parts.join(' ')}`),
    ),
  );

  it('throws nothing but a SqlStatementError', () => {
    fc.assert(
      fc.property(texts, (sql) => parsesOrRefuses(() => parseTaskStatement(sql))),
      { numRuns: 300 },
    );
  });
});
