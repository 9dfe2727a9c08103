/**
 * Snowflake statements the local warehouse does not run (docs/local-warehouse.md, "Not
 * supported"), recognised by their first words and refused with Snowflake's `000002`
 * "Unsupported feature" naming the statement. DuckDB would otherwise answer with a syntax error
 * at the object's name, which reads as if the statement were misspelt.
 */
import { isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { createdKindIndex } from './query-type';
import { significantTokens } from './tokens';

/** Statements known by their first words alone. */
const STATEMENTS = ['PUT', 'GET', 'LIST', 'LS', 'REMOVE', 'RM', 'COPY INTO', 'GRANT', 'REVOKE', 'UNDROP', 'EXECUTE IMMEDIATE', 'CREATE OR ALTER'];

/**
 * Objects the local warehouse has none of, as CREATE, ALTER, DROP and DESCRIBE name them; SHOW
 * takes the plural. Compute pools, services, tasks and warehouses are answered before this runs.
 */
const OBJECTS: readonly [singular: string, plural: string][] = [
  ['STAGE', 'STAGES'],
  ['FILE FORMAT', 'FILE FORMATS'],
  ['PIPE', 'PIPES'],
  ['STREAM', 'STREAMS'],
  ['DYNAMIC TABLE', 'DYNAMIC TABLES'],
  ['EXTERNAL TABLE', 'EXTERNAL TABLES'],
  ['MATERIALIZED VIEW', 'MATERIALIZED VIEWS'],
  ['ALERT', 'ALERTS'],
  ['PROCEDURE', 'PROCEDURES'],
  ['FUNCTION', 'USER FUNCTIONS'],
  ['EXTERNAL FUNCTION', 'EXTERNAL FUNCTIONS'],
  ['ROLE', 'ROLES'],
  ['USER', 'USERS'],
  ['SHARE', 'SHARES'],
  ['INTEGRATION', 'INTEGRATIONS'],
  ['API INTEGRATION', 'API INTEGRATIONS'],
  ['NOTIFICATION INTEGRATION', 'NOTIFICATION INTEGRATIONS'],
  ['STORAGE INTEGRATION', 'STORAGE INTEGRATIONS'],
  ['SECURITY INTEGRATION', 'SECURITY INTEGRATIONS'],
  ['EXTERNAL ACCESS INTEGRATION', 'EXTERNAL ACCESS INTEGRATIONS'],
  ['MASKING POLICY', 'MASKING POLICIES'],
  ['ROW ACCESS POLICY', 'ROW ACCESS POLICIES'],
  ['NETWORK POLICY', 'NETWORK POLICIES'],
  ['NETWORK RULE', 'NETWORK RULES'],
  ['RESOURCE MONITOR', 'RESOURCE MONITORS'],
  ['TAG', 'TAGS'],
  ['SERVICE', 'SERVICES'],
  ['IMAGE REPOSITORY', 'IMAGE REPOSITORIES'],
  ['NOTEBOOK', 'NOTEBOOKS'],
  ['STREAMLIT', 'STREAMLITS'],
];

const SINGULARS = OBJECTS.map(([singular]) => singular);

/** What SHOW lists: the objects, and GRANTS and PARAMETERS, which have no CREATE of their own. */
const SHOWN = ['GRANTS', 'PARAMETERS', ...OBJECTS.map(([, plural]) => plural)];

const VERBS = ['ALTER', 'DROP', 'DESCRIBE', 'DESC'];

function wordsAt(tokens: Token[], at: number, words: string): boolean {
  return words.split(' ').every((word, i) => isWord(tokens[at + i], word));
}

/** The statement's name when the local warehouse does not support it, e.g. `CREATE STREAM`. */
export function unsupportedStatement(sql: string): string | null {
  const tokens = significantTokens(sql);
  const first = tokens[0]?.text.toUpperCase() ?? '';
  const statement = STATEMENTS.find((words) => wordsAt(tokens, 0, words));
  // CREATE OR ALTER is named with the kind of object it would change.
  if (statement === 'CREATE OR ALTER' && tokens[3]?.kind === 'identifier') return `${statement} ${tokens[3].text.toUpperCase()}`;
  if (statement) return statement;
  if (first === 'SHOW') {
    const shown = SHOWN.find((words) => wordsAt(tokens, 1, words));
    return shown ? `SHOW ${shown}` : null;
  }
  const at = first === 'CREATE' ? createdKindIndex(tokens) : VERBS.includes(first) ? 1 : null;
  if (at === null) return null;
  const object = SINGULARS.find((words) => wordsAt(tokens, at, words));
  return object ? `${first === 'DESC' ? 'DESCRIBE' : first} ${object}` : null;
}

/** Throws Snowflake's "Unsupported feature" error for a statement the local warehouse does not run. */
export function refuseUnsupported(sql: string): void {
  const statement = unsupportedStatement(sql);
  if (statement) throw new SnowflakeQueryError(snowflakeErrors.unsupported(statement));
}

/**
 * `CREATE [ OR REPLACE ] { SCHEMA | DATABASE } … CLONE …`: the engine answers CREATE SCHEMA and
 * CREATE DATABASE itself and copies no containers, so a clone of one is refused as unsupported
 * before the engine would read CLONE as a syntax error. (A table's CLONE is supported.)
 * https://docs.snowflake.com/en/sql-reference/sql/create-clone
 */
export function refuseContainerClone(sql: string): void {
  const tokens = significantTokens(sql);
  if (!isWord(tokens[0], 'CREATE')) return;
  const at = createdKindIndex(tokens);
  const kind = ['SCHEMA', 'DATABASE'].find((word) => isWord(tokens[at], word));
  if (kind && tokens.some((token) => isWord(token, 'CLONE'))) {
    throw new SnowflakeQueryError(snowflakeErrors.unsupported(`CREATE ${kind} … CLONE`));
  }
}
