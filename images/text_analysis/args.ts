/**
 * Command-line arguments of the text_analysis image, as the Snowflake-Labs async_job sample's
 * argparse defines them: `--name=value` or `--name value`, `--task` optional.
 */
import { isIdentifier, isObjectName } from './identifiers';

export const TASK_NAMES = ['summarization', 'sentiment'] as const;
export type TaskName = (typeof TASK_NAMES)[number];

export interface JobArgs {
  task: TaskName;
  sourceTable: string;
  sourceIdColumn: string;
  sourceValueColumn: string;
  resultTable: string;
}

/** Bad command-line input; the process exits with status 2, as argparse does. */
export class ArgumentError extends Error {}

const REQUIRED = {
  source_table: { key: 'sourceTable', valid: isObjectName, kind: 'a table name' },
  source_id_column: { key: 'sourceIdColumn', valid: isIdentifier, kind: 'a column name' },
  source_value_column: { key: 'sourceValueColumn', valid: isIdentifier, kind: 'a column name' },
  result_table: { key: 'resultTable', valid: isObjectName, kind: 'a table name' },
} as const;

type OptionName = keyof typeof REQUIRED | 'task';

const OPTION_NAMES: readonly string[] = ['task', ...Object.keys(REQUIRED)];

function readOptions(argv: readonly string[]): Map<OptionName, string> {
  const options = new Map<OptionName, string>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(argv[i]);
    if (!match) throw new ArgumentError(`unrecognized argument: ${argv[i]}`);
    const [, name, inlineValue] = match;
    if (!OPTION_NAMES.includes(name)) {
      throw new ArgumentError(`unrecognized argument: --${name} (expected ${OPTION_NAMES.map((n) => `--${n}`).join(', ')})`);
    }
    const value = inlineValue ?? argv[++i];
    if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) {
      throw new ArgumentError(`argument --${name}: expected one value`);
    }
    options.set(name as OptionName, value.trim());
  }
  return options;
}

export function parseArgs(argv: readonly string[]): JobArgs {
  const options = readOptions(argv);
  const missing = Object.keys(REQUIRED).filter((name) => !options.get(name as OptionName));
  if (missing.length > 0) {
    throw new ArgumentError(`the following arguments are required: ${missing.map((n) => `--${n}`).join(', ')}`);
  }
  const task = options.get('task') ?? 'summarization';
  if (!(TASK_NAMES as readonly string[]).includes(task)) {
    throw new ArgumentError(`argument --task: invalid choice '${task}' (choose from ${TASK_NAMES.join(', ')})`);
  }
  const parsed: JobArgs = { task: task as TaskName, sourceTable: '', sourceIdColumn: '', sourceValueColumn: '', resultTable: '' };
  for (const [name, { key, valid, kind }] of Object.entries(REQUIRED)) {
    const value = options.get(name as OptionName) as string;
    if (!valid(value)) throw new ArgumentError(`argument --${name}: '${value}' is not ${kind}`);
    parsed[key] = value;
  }
  return parsed;
}
