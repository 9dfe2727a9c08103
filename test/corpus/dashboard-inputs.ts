/**
 * The dashboard's own inputs, as a direct POST to a server action or a hand-written URL can send
 * them: the zod schemas of the Launch form, the job service form, the task form and the task
 * actions (worded by actionFailure, as the actions word them), and the query parameters of the
 * jobs routes (lib/jobs/route-params.ts). Huge arrays and strings, wrong types, prototype keys.
 * Each refusal names the field: `field: what is wrong` (parsers.test.ts).
 */
import type { z } from 'zod';
import { jobServiceLaunchSchema } from '@/lib/domain/job-service-form';
import { launchInputSchema } from '@/lib/domain/launch-input';
import { taskActionSchema } from '@/lib/domain/tasks/task-actions';
import { newTaskFormInput, taskFormSchema, type TaskFormInput } from '@/lib/domain/tasks/task-form';
import { parseJobFilter, parseLogRequest, parseResultLimit, parseTimelineFilter } from '@/lib/jobs/route-params';
import { MB, type BadInput } from './bad-input';

export interface ActionInput {
  schema: z.ZodType;
  value: unknown;
}

const action = (name: string, schema: z.ZodType, value: unknown, expect: RegExp): BadInput<ActionInput> => ({ name, input: { schema, value }, expect });

const TEN_MB = 'x'.repeat(10 * MB);
const LAUNCH = { sql: 'SELECT 1', mode: 'parallel', label: '' };
const JOB = { computePool: 'CPU_S', name: '', replicas: 1, async: true, spec: 'spec: {}', label: '' };
const TASK: TaskFormInput = { ...newTaskFormInput({ database: 'FLURRY', schema: 'PUBLIC', warehouse: 'COMPUTE_WH' }), name: 'NIGHTLY', body: 'SELECT 1' };
const task = (name: string, fields: Partial<TaskFormInput>, expect: RegExp) => action(name, taskFormSchema, { ...TASK, ...fields }, expect);
/** What a JSON body with these keys parses to: own properties named __proto__ and constructor, as JSON.parse makes them. */
const PROTOTYPE_KEYS = JSON.parse('{"__proto__": {"sql": "SELECT 1", "polluted": true}, "constructor": {"prototype": {"polluted": true}}}');

export const badActionInputs: BadInput<ActionInput>[] = [
  action('launch: 10 MB of SQL', launchInputSchema, { ...LAUNCH, sql: TEN_MB }, /^sql: SQL is larger than 1,000,000 bytes; split it into several launches\.$/),
  action('launch: SQL is a number', launchInputSchema, { ...LAUNCH, sql: 42 }, /^sql: Invalid input: expected string, received number$/),
  action('launch: SQL of spaces', launchInputSchema, { ...LAUNCH, sql: ' \n\t ' }, /^sql: Write at least one SQL statement\.$/),
  action('launch: unknown mode', launchInputSchema, { ...LAUNCH, mode: 'both' }, /^mode: Invalid option: expected one of "parallel"\|"sequence"$/),
  action('launch: 10 MB label', launchInputSchema, { ...LAUNCH, label: TEN_MB }, /^label: A label is at most 200 characters\.$/),
  action('launch: label is an array', launchInputSchema, { ...LAUNCH, label: ['a', 'b'] }, /^label: Invalid input: expected string, received array$/),
  action('launch: null instead of the form', launchInputSchema, null, /^input: Invalid input: expected object, received null$/),
  action('launch: a million-element array instead of the form', launchInputSchema, Array(1_000_000).fill('SELECT 1'), /^input: Invalid input: expected object, received array$/),
  action('launch: only __proto__ and constructor keys', launchInputSchema, PROTOTYPE_KEYS, /^sql: Invalid input: expected string, received undefined$/),
  action('job service: quoted compute pool', jobServiceLaunchSchema, { ...JOB, computePool: '"pool"' }, /^computePool: The compute pool is a Snowflake name: .*no quotes\.$/),
  action('job service: name with a semicolon', jobServiceLaunchSchema, { ...JOB, name: 'a;b' }, /^name: The job name is a Snowflake name/),
  action('job service: a billion replicas', jobServiceLaunchSchema, { ...JOB, replicas: 1e9 }, /^replicas: Run at most 100 replicas\.$/),
  action('job service: replicas in words', jobServiceLaunchSchema, { ...JOB, replicas: 'lots' }, /^replicas: Replicas must be a number\.$/),
  action('job service: 10 MB spec', jobServiceLaunchSchema, { ...JOB, spec: TEN_MB }, /^spec: A specification is at most 100,000 characters\.$/),
  action('job service: async as text', jobServiceLaunchSchema, { ...JOB, async: 'yes' }, /^async: Invalid input: expected boolean, received string$/),
  task('task: empty name', { name: '' }, /^name: The task name is required\.$/),
  task('task: 300-character name', { name: `"${'T'.repeat(300)}"` }, /^name: The task name is 300 characters long; Snowflake names are at most 255\.$/),
  task('task: name with a semicolon', { name: 'a;b' }, /^name: The task name "a;b" is not a plain Snowflake name/),
  task('task: name with an unclosed quote', { name: '"nightly' }, /^name: The task name starts with a double quote but does not end with one\.$/),
  task('task: 100,000 predecessors', { predecessors: Array(100_000).fill('FLURRY.PUBLIC.ROOT') }, /^predecessors: A task runs after at most 100 other tasks\.$/),
  task('task: predecessor not qualified', { predecessors: ['ROOT; DROP TABLE T'] }, /^predecessors\.0: A task is named DB\.SCHEMA\.NAME/),
  task('task: minute 61', { schedule: { kind: 'cron', expression: '61 * * * *', timeZone: 'UTC' } }, /^schedule: minute field "61" is out of range 0–59$/),
  task('task: unknown time zone', { schedule: { kind: 'cron', expression: '0 1 * * *', timeZone: 'Mars/Olympus' } }, /^schedule: unknown time zone "Mars\/Olympus"/),
  task('task: interval of 0', { schedule: { kind: 'interval', amount: '0', unit: 'MINUTES' } }, /^schedule\.amount: The interval is a whole number of at least 1, e\.g\. 10; "0" is not\.$/),
  task('task: 10 MB body', { body: `SELECT '${TEN_MB}'` }, /^body: The SQL is larger than 1,000,000 bytes, the most one statement can be\.$/),
  task('task: two statements as the body', { body: 'SELECT 1; SELECT 2' }, /^body: A task runs one statement, and this is 2/),
  task('task: CONFIG is an array', { config: '[1, 2]' }, /^config: CONFIG is a JSON object/),
  task('task: WHEN with a semicolon', { when: '1 = 1; DROP TABLE T' }, /^when: WHEN is one boolean expression/),
  task('task: timeout past a week', { userTaskTimeoutMs: '999999999999' }, /^userTaskTimeoutMs: The timeout \(ms\) is a whole number from 1 to 604,800,000; "999999999999" is not\.$/),
  action('task action: unknown kind', taskActionSchema, { kind: 'delete', root: 'FLURRY.PUBLIC.ROOT' }, /^kind: The action is one of execute, retry_last, resume, suspend, cancel_runs\.$/),
  action('task action: SQL in the root name', taskActionSchema, { kind: 'execute', root: 'FLURRY.PUBLIC.ROOT; DROP TABLE T' }, /^root: A task is named DB\.SCHEMA\.NAME/),
  action('task action: 10 MB root name', taskActionSchema, { kind: 'execute', root: TEN_MB }, /^root: A task name is at most 800 characters\.$/),
];

export interface RouteQuery {
  parse: (params: URLSearchParams) => unknown;
  query: string;
}

const route = (name: string, parse: RouteQuery['parse'], query: string, expect: RegExp): BadInput<RouteQuery> => ({ name, input: { parse, query }, expect });

export const badRouteParams: BadInput<RouteQuery>[] = [
  route('jobs: unknown phase', parseJobFilter, 'phase=done', /^phase: "done" is not a phase; use queued, running, succeeded, failed, cancelled, skipped\.$/),
  route('jobs: 100,000 unknown phases', parseJobFilter, Array.from({ length: 100_000 }, (_, i) => `phase=x${i}`).join('&'), /^(phase: "x\d" is not a phase; [^.]*\. ){5}\(and 99,995 more\)$/),
  route('jobs: batch is not a UUID', parseJobFilter, 'batch=1%3B%20DROP', /^batch: must be a batch id \(a UUID\)$/),
  route('jobs: 10 MB text search', parseJobFilter, `q=${'x'.repeat(10 * MB)}`, /^q: must be at most 200 characters$/),
  route('jobs: limit of 1e400', parseJobFilter, 'limit=1e400', /^limit: must be a number$/),
  route('jobs: prototype keys next to a bad kind', parseJobFilter, '__proto__=x&constructor=y&kind=table', /^kind: "table" is not a kind; use /),
  route('timeline: since is not a time', parseTimelineFilter, 'since=yesterday', /^since: must be a time in epoch milliseconds$/),
  route('timeline: until before since', parseTimelineFilter, 'since=2000&until=1000', /^until: must not be before since$/),
  route('logs: instance with a path', parseLogRequest, 'instance=..%2F..%2Fetc&container=main', /^instance: must be an instance id, e\.g\. 0$/),
  route('logs: container with spaces', parseLogRequest, 'instance=0&container=A%20B', /^container: must be a container name: lowercase letters, digits and -/),
  route('logs: a negative number of lines', parseLogRequest, 'instance=0&container=main&lines=-1', /^lines: must be at least 1$/),
  route('result: limit past 1,000 rows', parseResultLimit, 'limit=1000000', /^limit: must be at most 1000$/),
];
