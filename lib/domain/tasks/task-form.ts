/**
 * The values of the dashboard's "Create or edit a task" form: what the user typed,
 * checked with Snowflake's rules, and turned into the names, numbers and texts the statement
 * builders (task-form-sql.ts) write. Pure: the form checks as the user types, and a server can
 * check the same values again. The properties, defaults and bounds below are CREATE TASK's:
 * https://docs.snowflake.com/en/sql-reference/sql/create-task.
 *
 * Names are typed the way SQL writes them: a bare name is upper-cased, a "quoted" one is kept
 * exactly, as Snowflake resolves identifiers. Parsed values hold the resolved names.
 */
import { z } from '@/lib/domain/validation/zod';
import { MAX_SQL_BYTES } from '../launch-input';
import { isSymbol, isTrivia, lex } from '../sql/lexer';
import { isPlainIdentifier, MAX_IDENTIFIER_LENGTH, sqlIdentifier } from '../sql/literals';
import { TASK_GRAPH_LIMITS } from '../task-graph/graph';
import { splitStatements } from '../sql/split-statements';
import { parseSchedule, ScheduleParseError } from './schedule';
import { qualifiedTaskNameSchema } from './task-actions';
import type { TaskDefinition } from './task-definition';
import { OVERLAP_POLICIES, TASK_WAREHOUSE_SIZES } from './task-properties';
import type { OverlapPolicy } from './task-properties';

export const INTERVAL_UNITS = ['SECONDS', 'MINUTES', 'HOURS'] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

/** CREATE TASK's bounds, and Snowflake's identifier length. */
export const TASK_FORM_LIMITS = {
  maxTimeoutMs: 604_800_000,
  maxAutoRetryAttempts: 30,
  maxIdentifierLength: MAX_IDENTIFIER_LENGTH,
} as const;

// ——— names ———

const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/**
 * The name Snowflake resolves `text` to, or why it is not a name. `what` starts the messages
 * ("The task name", "The schema").
 */
export function identifierFromInput(text: string, what: string): { name: string } | { error: string } {
  const typed = text.trim();
  if (typed === '') return { error: `${what} is required.` };
  let name: string;
  if (typed.startsWith('"')) {
    if (typed.length < 2 || !typed.endsWith('"')) return { error: `${what} starts with a double quote but does not end with one.` };
    const inner = typed.slice(1, -1);
    if (inner.replace(/""/g, '').includes('"')) return { error: `Inside a quoted name, write a double quote as "" (${what.toLowerCase()}).` };
    name = inner.replace(/""/g, '"');
    if (name === '') return { error: `${what} cannot be the empty name "".` };
  } else {
    if (!BARE_NAME.test(typed)) {
      return {
        error: `${what} "${typed}" is not a plain Snowflake name: use letters, digits, _ and $, starting with a letter or _, or put it in double quotes to keep it exactly as written.`,
      };
    }
    name = typed.toUpperCase();
    if (!isPlainIdentifier(name)) return { error: `${name} is a reserved word in Snowflake; write "${name}" in double quotes to use it as ${what.toLowerCase()}.` };
  }
  if (name.length > TASK_FORM_LIMITS.maxIdentifierLength) {
    return { error: `${what} is ${name.length} characters long; Snowflake names are at most ${TASK_FORM_LIMITS.maxIdentifierLength}.` };
  }
  return { name };
}

const identifier = (what: string) =>
  z.string().transform((text, ctx) => {
    const result = identifierFromInput(text, what);
    if ('name' in result) return result.name;
    ctx.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  });

/** DB.SCHEMA.NAME as SQL, each part quoted only when it must be: how SHOW TASKS names tasks. */
export function qualifiedTaskName(parts: { database: string; schema: string; name: string }): string {
  return [parts.database, parts.schema, parts.name].map(sqlIdentifier).join('.');
}

const overlapPolicy = z.custom<OverlapPolicy>(
  (value) => OVERLAP_POLICIES.includes(value as OverlapPolicy),
  `OVERLAP_POLICY is one of ${OVERLAP_POLICIES.join(', ')}.`,
);

/** A serverless task starts at MEDIUM unless given another size. */
const warehouseSize = z.custom<string>(
  (value) => typeof value === 'string' && TASK_WAREHOUSE_SIZES.includes(value),
  `The initial size is one of ${TASK_WAREHOUSE_SIZES.join(', ')}.`,
);

// ——— schedule ———

const scheduleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({
      kind: z.literal('interval'),
      amount: z.string().transform((text, ctx) => {
        const amount = text.trim();
        if (/^\d+$/.test(amount) && Number(amount) >= 1) return Number(amount);
        ctx.addIssue({ code: 'custom', message: `The interval is a whole number of at least 1, e.g. 10; "${amount}" is not.` });
        return z.NEVER;
      }),
      unit: z.enum(INTERVAL_UNITS),
    }),
    z.object({
      kind: z.literal('cron'),
      expression: z
        .string()
        .trim()
        .min(1, 'Write the cron fields: minute hour day-of-month month day-of-week, e.g. 0 1 * * *.')
        .transform((fields) => fields.replace(/\s+/g, ' ')),
      timeZone: z.string().trim().min(1, 'Pick the time zone the cron runs in, e.g. America/Los_Angeles or UTC.'),
    }),
  ])
  .superRefine((schedule, ctx) => {
    const text = scheduleText(schedule);
    if (text === null) return;
    try {
      parseSchedule(text);
    } catch (error) {
      if (!(error instanceof ScheduleParseError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
    }
  });

export type ScheduleInput = z.input<typeof scheduleSchema>;
export type ScheduleFields = z.output<typeof scheduleSchema>;

/** The SCHEDULE string the fields stand for, or null for no schedule. */
export function scheduleText(schedule: ScheduleFields): string | null {
  switch (schedule.kind) {
    case 'none':
      return null;
    case 'interval':
      return `${schedule.amount} ${schedule.unit}`;
    case 'cron':
      return `USING CRON ${schedule.expression} ${schedule.timeZone}`;
  }
}

/** Checks the schedule alone, for the live preview while other fields are still being filled. */
export function parseScheduleInput(input: ScheduleInput): { ok: true; schedule: ScheduleFields } | { ok: false; error: string } {
  const parsed = scheduleSchema.safeParse(input);
  return parsed.success ? { ok: true, schedule: parsed.data } : { ok: false, error: parsed.error.issues[0].message };
}

/** The fields of a stored SCHEDULE string (as SHOW TASKS gives it). */
export function scheduleFieldsOf(text: string | null): ScheduleFields {
  if (text === null || text.trim() === '') return { kind: 'none' };
  try {
    const schedule = parseSchedule(text);
    if (schedule.kind === 'cron') return { kind: 'cron', expression: schedule.expression, timeZone: schedule.timeZone };
    const [amount, unit] = schedule.text.split(' ');
    return { kind: 'interval', amount: Number(amount), unit: `${unit.toUpperCase().replace(/S$/, '')}S` as IntervalUnit };
  } catch (error) {
    if (!(error instanceof ScheduleParseError)) throw error;
    // Shown as written, so the form says what is wrong with it instead of dropping it.
    const parts = text.trim().replace(/^USING\s+CRON\s+/i, '').split(/\s+/);
    return { kind: 'cron', expression: parts.slice(0, -1).join(' '), timeZone: parts.at(-1) ?? '' };
  }
}

// ——— SQL texts ———

function significantTokens(sql: string) {
  return lex(sql).filter((token) => !isTrivia(token));
}

/** The body without surrounding whitespace or a final `;`: the terminator is not part of it. */
export function bodyText(sql: string): string {
  let body = sql.trim();
  let last = significantTokens(body).at(-1);
  while (last && isSymbol(last, ';')) {
    body = body.slice(0, last.start).trimEnd();
    last = significantTokens(body).at(-1);
  }
  return body;
}

/** Snowflake Scripting blocks hold several statements and still are one task body. */
const body = z.string().transform((sql, ctx) => {
  const text = bodyText(sql);
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (text === '') return fail('Write the SQL the task runs: one statement, a CALL, or a BEGIN … END block.');
  if (new TextEncoder().encode(text).length > MAX_SQL_BYTES) {
    return fail(`The SQL is larger than ${MAX_SQL_BYTES.toLocaleString('en-US')} bytes, the most one statement can be.`);
  }
  // A BEGIN … END block is one statement to the splitter.
  const statements = splitStatements(text).length;
  if (statements > 1) {
    return fail(`A task runs one statement, and this is ${statements}; wrap them in BEGIN … END, or put them in a procedure and CALL it.`);
  }
  return text;
});

const condition = z.string().transform((sql, ctx) => {
  const text = sql.trim();
  if (text === '') return null;
  if (significantTokens(text).some((token) => isSymbol(token, ';'))) {
    ctx.addIssue({ code: 'custom', message: 'WHEN is one boolean expression, e.g. SYSTEM$STREAM_HAS_DATA(\'MY_STREAM\'); it has no ";".' });
    return z.NEVER;
  }
  return text;
});

const config = z.string().transform((text, ctx) => {
  const json = text.trim();
  if (json === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `CONFIG is not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    return z.NEVER;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'CONFIG is a JSON object, e.g. {"environment": "prod"}.' });
    return z.NEVER;
  }
  return json;
});

/** Empty → null (the property is not given); otherwise a whole number within bounds. */
const wholeNumber = (what: string, min: number, max?: number) =>
  z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (text === '') return null;
    const n = Number(text);
    if (/^\d+$/.test(text) && n >= min && n <= (max ?? Number.MAX_SAFE_INTEGER)) return n;
    const range = max === undefined ? `${min} or more` : `from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
    ctx.addIssue({ code: 'custom', message: `${what} is a whole number ${range}; "${text}" is not.` });
    return z.NEVER;
  });

// ——— the form ———

/**
 * The form's values. In the edit form a null size, overlap policy or number means "leave as it
 * is" (SHOW TASKS does not report them); in the create form it means Snowflake's default.
 */
export const taskFormSchema = z
  .object({
    database: identifier('The database'),
    schema: identifier('The schema'),
    name: identifier('The task name'),
    /** The warehouse's name as Snowflake stores it; null runs the task serverless. */
    warehouse: z.string().min(1, 'Pick a warehouse, or run the task serverless.').nullable(),
    initialWarehouseSize: warehouseSize.nullable(),
    schedule: scheduleSchema,
    /** Fully qualified, as SHOW TASKS names them. */
    predecessors: z
      .array(z.string())
      .max(TASK_GRAPH_LIMITS.predecessorsPerTask, `A task runs after at most ${TASK_GRAPH_LIMITS.predecessorsPerTask} other tasks.`)
      // Names are checked only within the limit, so a flood of them is one problem, not one each.
      .pipe(z.array(qualifiedTaskNameSchema))
      .transform((names) => [...new Set(names)]),
    /** The root this task finalizes, fully qualified. */
    finalize: qualifiedTaskNameSchema.nullable(),
    when: condition,
    body,
    comment: z.string().transform((text) => (text.trim() === '' ? null : text.trim())),
    config,
    overlapPolicy: overlapPolicy.nullable(),
    userTaskTimeoutMs: wholeNumber('The timeout (ms)', 1, TASK_FORM_LIMITS.maxTimeoutMs),
    suspendTaskAfterNumFailures: wholeNumber('Failures before suspending', 0),
    taskAutoRetryAttempts: wholeNumber('Retry attempts', 0, TASK_FORM_LIMITS.maxAutoRetryAttempts),
  })
  // Runs even when a field failed, so a rule between fields shows while others are unfinished;
  // a failed field's value is not its parsed type then, hence the defensive reads.
  .superRefine(
    (values, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      const isChild = Array.isArray(values.predecessors) && values.predecessors.length > 0;
      const isFinalizer = typeof values.finalize === 'string';
      const scheduled = values.schedule?.kind === 'interval' || values.schedule?.kind === 'cron';
      if (scheduled && isChild) {
        issue('schedule', 'A task that runs after other tasks cannot have a schedule; only the root of a graph is scheduled. Remove the schedule or the predecessors.');
      }
      if (scheduled && isFinalizer) issue('schedule', 'A finalizer has no schedule: it runs when its root\'s graph run ends.');
      if (isChild && isFinalizer) {
        issue('finalize', 'A finalizer runs after everything else in its graph, so it has no predecessors; remove them or the finalizer root.');
      }
      if (typeof values.warehouse === 'string' && values.initialWarehouseSize) {
        issue('initialWarehouseSize', 'A task runs on a warehouse or serverless, not both; the initial size is for serverless tasks.');
      }
      const rootOnly = (key: 'taskAutoRetryAttempts' | 'suspendTaskAfterNumFailures', what: string) => {
        if ((isChild || isFinalizer) && typeof values[key] === 'number') issue(key, `${what} is set on the root task of a graph (or a standalone task), not on this one.`);
      };
      rootOnly('taskAutoRetryAttempts', 'TASK_AUTO_RETRY_ATTEMPTS');
      rootOnly('suspendTaskAfterNumFailures', 'SUSPEND_TASK_AFTER_NUM_FAILURES');
    },
    { when: () => true },
  );

export type TaskFormInput = z.input<typeof taskFormSchema>;
export type TaskFormValues = z.output<typeof taskFormSchema>;
export type TaskFormField = keyof TaskFormInput;

/** What the form knows of an existing task: SHOW TASKS' columns, nothing guessed. */
export function taskFormValuesOf(task: TaskDefinition): TaskFormValues {
  return {
    database: task.database,
    schema: task.schema,
    name: task.shortName,
    warehouse: task.warehouse,
    initialWarehouseSize: null,
    schedule: scheduleFieldsOf(task.schedule),
    predecessors: [...task.predecessors],
    finalize: task.finalize,
    when: task.condition === null || task.condition.trim() === '' ? null : task.condition.trim(),
    body: bodyText(task.definition),
    comment: task.comment === null || task.comment.trim() === '' ? null : task.comment.trim(),
    config: task.config === null || task.config.trim() === '' ? null : task.config.trim(),
    // allow_overlapping_execution = FALSE is NO_OVERLAP; TRUE is either other policy.
    overlapPolicy: task.allowOverlappingExecution ? null : 'NO_OVERLAP',
    userTaskTimeoutMs: null,
    suspendTaskAfterNumFailures: null,
    taskAutoRetryAttempts: null,
  };
}

/** Values back into what the form's inputs hold; parsing the result gives the values again. */
export function taskFormInputOf(values: TaskFormValues): TaskFormInput {
  const schedule: ScheduleInput =
    values.schedule.kind === 'interval' ? { ...values.schedule, amount: String(values.schedule.amount) } : values.schedule;
  const text = (value: number | string | null) => (value === null ? '' : String(value));
  return {
    ...values,
    database: sqlIdentifier(values.database),
    schema: sqlIdentifier(values.schema),
    name: sqlIdentifier(values.name),
    schedule,
    when: text(values.when),
    comment: text(values.comment),
    config: text(values.config),
    userTaskTimeoutMs: text(values.userTaskTimeoutMs),
    suspendTaskAfterNumFailures: text(values.suspendTaskAfterNumFailures),
    taskAutoRetryAttempts: text(values.taskAutoRetryAttempts),
  };
}

/** A blank create form in the given database and schema (names as Snowflake stores them). */
export function newTaskFormInput(defaults: { database: string; schema: string; warehouse: string | null }): TaskFormInput {
  return {
    database: sqlIdentifier(defaults.database),
    schema: sqlIdentifier(defaults.schema),
    name: '',
    warehouse: defaults.warehouse,
    initialWarehouseSize: null,
    schedule: { kind: 'none' },
    predecessors: [],
    finalize: null,
    when: '',
    body: '',
    comment: '',
    config: '',
    overlapPolicy: null,
    userTaskTimeoutMs: '',
    suspendTaskAfterNumFailures: '',
    taskAutoRetryAttempts: '',
  };
}
