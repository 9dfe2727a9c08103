/**
 * The properties CREATE TASK takes and ALTER TASK SET / UNSET change
 * (https://docs.snowflake.com/en/sql-reference/sql/create-task),
 * read from a statement with their values checked: ranges, the schedule, CONFIG's JSON and
 * properties that exclude each other. Any other `NAME = value` must be one of the parameters a
 * task takes (task-session-parameters.ts), else it is Snowflake's "invalid property" error.
 * Pure: the task form shows the same errors before anything is submitted.
 */
import { isSymbol, type Token } from '../sql/lexer';
import { stringValue } from '../sql/literals';
import type { ObjectName, SqlReader } from '../sql/sql-reader';
import { parseSchedule, ScheduleParseError } from './schedule';
import { invalidTaskProperty, TASK_SESSION_PARAMETERS } from './task-session-parameters';

export type OverlapPolicy = 'NO_OVERLAP' | 'ALLOW_CHILD_OVERLAP' | 'ALLOW_ALL_OVERLAP';

/** Properties CREATE TASK takes and ALTER TASK SET changes; absent = not given. */
export interface TaskProperties {
  warehouse?: string;
  /** XSMALL … XXXLARGE, upper-cased; exclusive with `warehouse`. */
  userTaskManagedInitialWarehouseSize?: string;
  /** The SCHEDULE string as written, already checked with parseSchedule. */
  schedule?: string;
  /** CONFIG: JSON object text, already checked to be an object. */
  config?: string;
  /** OVERLAP_POLICY, or ALLOW_OVERLAPPING_EXECUTION mapped to it (TRUE → ALLOW_CHILD_OVERLAP). */
  overlapPolicy?: OverlapPolicy;
  /** 1 … 604,800,000. */
  userTaskTimeoutMs?: number;
  /** ≥ 0; 0 turns auto-suspend off. */
  suspendTaskAfterNumFailures?: number;
  /** 0 … 30. */
  taskAutoRetryAttempts?: number;
  comment?: string;
  errorIntegration?: string;
  successIntegration?: string;
  logLevel?: string;
  targetCompletionInterval?: string;
  /** Session parameters (QUERY_TAG, TIMEZONE, …): upper-cased name → value as text. */
  sessionParameters?: Record<string, string>;
}

/** The names ALTER TASK UNSET takes, mapped to TaskProperties keys (session parameters by name). */
export type UnsetProperty = Exclude<keyof TaskProperties, 'sessionParameters'> | { sessionParameter: string };

export const OVERLAP_POLICIES: readonly OverlapPolicy[] = ['NO_OVERLAP', 'ALLOW_CHILD_OVERLAP', 'ALLOW_ALL_OVERLAP'];

/** USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE's values. */
export const TASK_WAREHOUSE_SIZES: readonly string[] = ['XSMALL', 'SMALL', 'MEDIUM', 'LARGE', 'XLARGE', 'XXLARGE', 'XXXLARGE'];

/** Each property's SQL name → the TaskProperties key it sets; UNSET takes the same names. */
const PROPERTY_KEYS: Readonly<Record<string, Exclude<keyof TaskProperties, 'sessionParameters'>>> = {
  WAREHOUSE: 'warehouse',
  USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE: 'userTaskManagedInitialWarehouseSize',
  SCHEDULE: 'schedule',
  CONFIG: 'config',
  OVERLAP_POLICY: 'overlapPolicy',
  ALLOW_OVERLAPPING_EXECUTION: 'overlapPolicy',
  USER_TASK_TIMEOUT_MS: 'userTaskTimeoutMs',
  SUSPEND_TASK_AFTER_NUM_FAILURES: 'suspendTaskAfterNumFailures',
  TASK_AUTO_RETRY_ATTEMPTS: 'taskAutoRetryAttempts',
  COMMENT: 'comment',
  ERROR_INTEGRATION: 'errorIntegration',
  SUCCESS_INTEGRATION: 'successIntegration',
  LOG_LEVEL: 'logLevel',
  TARGET_COMPLETION_INTERVAL: 'targetCompletionInterval',
};

/** Pairs of properties that cannot both be given, and why. */
const EXCLUSIVE: readonly [string, string, string][] = [
  ['WAREHOUSE', 'USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE', 'a task runs on a warehouse or is serverless'],
  ['OVERLAP_POLICY', 'ALLOW_OVERLAPPING_EXECUTION', 'both set the overlap policy'],
];

/** What UNSET <name> clears: a property by its key, a session parameter by its name; anything else is refused. */
export function unsetPropertyOf(token: Token, name: string): UnsetProperty {
  if (Object.hasOwn(PROPERTY_KEYS, name)) return PROPERTY_KEYS[name];
  if (!TASK_SESSION_PARAMETERS.has(name)) throw invalidTaskProperty(token, name);
  return { sessionParameter: name };
}

/** What readTaskProperties read: FINALIZE = <root> apart, since only CREATE TASK takes it among others. */
export interface PropertyList {
  properties: TaskProperties;
  finalize: { token: Token; name: ObjectName } | null;
  /** The name token of each property given, by its upper-cased name. */
  given: Map<string, Token>;
}

/** `NAME = value` pairs, in any order, optionally separated by commas, each at most once. */
export function readTaskProperties(reader: SqlReader): PropertyList {
  const list: PropertyList = { properties: {}, finalize: null, given: new Map() };
  for (let token = propertyName(reader); token; token = propertyName(reader)) {
    const property = token.text.toUpperCase();
    if (!Object.hasOwn(PROPERTY_KEYS, property) && property !== 'FINALIZE' && !TASK_SESSION_PARAMETERS.has(property)) {
      throw invalidTaskProperty(token, property);
    }
    if (list.given.has(property)) reader.fail(token, `${property} is given more than once.`);
    for (const [a, b, why] of EXCLUSIVE) {
      const other = property === a ? b : property === b ? a : null;
      if (other && list.given.has(other)) reader.invalid(token, `${a} and ${b} cannot both be given: ${why}.`);
    }
    list.given.set(property, token);
    reader.next();
    reader.expectEquals(property);
    if (property === 'FINALIZE') {
      list.finalize = { token, name: reader.expectObjectName('Expected the name of the root task after FINALIZE =.').name };
    } else {
      readProperty(reader, property, list.properties);
    }
    reader.acceptSymbol(',');
  }
  return list;
}

/** The next token when it starts a property: a known property name, or any word before `=`. */
function propertyName(reader: SqlReader): Token | null {
  const token = reader.peek();
  if (token?.kind !== 'identifier') return null;
  const name = token.text.toUpperCase();
  return Object.hasOwn(PROPERTY_KEYS, name) || name === 'FINALIZE' || isSymbol(reader.peek(1), '=') ? token : null;
}

function readProperty(reader: SqlReader, property: string, into: TaskProperties): void {
  switch (property) {
    case 'WAREHOUSE':
      into.warehouse = reader.expectIdentifier('Expected a warehouse name after WAREHOUSE =.').name;
      break;
    case 'USER_TASK_MANAGED_INITIAL_WAREHOUSE_SIZE': {
      const { token, value } = parameterValue(reader, property);
      const size = value.toUpperCase();
      if (!TASK_WAREHOUSE_SIZES.includes(size)) {
        reader.invalid(token, `${property} must be one of ${TASK_WAREHOUSE_SIZES.join(', ')}, not '${value}'.`);
      }
      into.userTaskManagedInitialWarehouseSize = size;
      break;
    }
    case 'SCHEDULE':
      into.schedule = schedule(reader);
      break;
    case 'CONFIG':
      into.config = expectJsonObject(reader, property);
      break;
    case 'OVERLAP_POLICY': {
      const { token, name } = reader.expectIdentifier(`Expected one of ${OVERLAP_POLICIES.join(', ')}.`);
      const policy = OVERLAP_POLICIES.find((candidate) => candidate === name);
      if (!policy) reader.invalid(token, `${property} must be one of ${OVERLAP_POLICIES.join(', ')}, not ${token.text}.`);
      into.overlapPolicy = policy;
      break;
    }
    case 'ALLOW_OVERLAPPING_EXECUTION':
      // CREATE TASK: TRUE is ALLOW_CHILD_OVERLAP; FALSE is NO_OVERLAP.
      into.overlapPolicy = reader.expectBoolean(property) ? 'ALLOW_CHILD_OVERLAP' : 'NO_OVERLAP';
      break;
    case 'USER_TASK_TIMEOUT_MS':
      into.userTaskTimeoutMs = expectIntegerIn(reader, property, 1, 604_800_000);
      break;
    case 'SUSPEND_TASK_AFTER_NUM_FAILURES':
      into.suspendTaskAfterNumFailures = expectIntegerIn(reader, property, 0);
      break;
    case 'TASK_AUTO_RETRY_ATTEMPTS':
      into.taskAutoRetryAttempts = expectIntegerIn(reader, property, 0, 30);
      break;
    case 'ERROR_INTEGRATION':
      into.errorIntegration = reader.expectIdentifier('Expected a notification integration name.').name;
      break;
    case 'SUCCESS_INTEGRATION':
      into.successIntegration = reader.expectIdentifier('Expected a notification integration name.').name;
      break;
    case 'LOG_LEVEL':
      into.logLevel = parameterValue(reader, property).value.toUpperCase();
      break;
    case 'TARGET_COMPLETION_INTERVAL':
      into.targetCompletionInterval = reader.expectString("Expected an interval as a string, such as '2 HOURS'.").value;
      break;
    case 'COMMENT':
      into.comment = reader.expectString("Expected a string after COMMENT =, such as 'nightly load'.").value;
      break;
    default:
      into.sessionParameters = { ...into.sessionParameters, [property]: parameterValue(reader, property).value };
  }
}

function schedule(reader: SqlReader): string {
  const { token, value } = reader.expectString("Expected the schedule as a string, such as '10 MINUTES' or 'USING CRON 0 1 * * * UTC'.");
  try {
    parseSchedule(value);
  } catch (error) {
    if (error instanceof ScheduleParseError) reader.invalid(token, `Invalid SCHEDULE: ${error.message}.`);
    throw error;
  }
  return value;
}

/** A string holding a JSON object, returned as written. */
export function expectJsonObject(reader: SqlReader, property: string): string {
  const { token, value } = reader.expectString(`Expected ${property} as a JSON object in $$…$$ or '…'.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    reader.invalid(token, `${property} is not valid JSON: ${(error as Error).message}.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    reader.invalid(token, `${property} must be a JSON object ({…}), not ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}.`);
  }
  return value;
}

/** A parameter's value: a string's contents, or a number or word as written. */
function parameterValue(reader: SqlReader, property: string): { token: Token; value: string } {
  const token = reader.peek();
  const text = stringValue(token);
  if (text !== null) return { token: reader.next() as Token, value: text };
  const minus = reader.acceptSymbol('-');
  const value = reader.peek();
  if (value?.kind === 'number' || (!minus && value?.kind === 'identifier')) {
    reader.next();
    return { token: minus ?? value, value: (minus ? '-' : '') + value.text };
  }
  reader.fail(value, `Expected a value for ${property}: a string, a number or a word such as TRUE.`);
}

export function expectIntegerIn(reader: SqlReader, property: string, min: number, max?: number): number {
  const { token, value } = reader.expectInteger(property);
  if (value < min || (max !== undefined && value > max)) {
    const range = max === undefined ? `${min} or more` : `between ${min} and ${max}`;
    reader.invalid(token, `${property} must be ${range}, not ${value}.`);
  }
  return value;
}
