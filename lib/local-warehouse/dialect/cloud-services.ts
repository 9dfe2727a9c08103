/**
 * Statements Snowflake answers in its cloud services layer, without a warehouse: metadata
 * commands, cancelling a query, and reading query history. They must not queue behind the
 * warehouse's slots, or a cancel would wait for the very queries it is meant to stop.
 */
import { isWord, type Token } from '@/lib/domain/sql/lexer';
import { createdKindIndex } from './query-type';
import { significantTokens } from './tokens';

const METADATA_COMMANDS = ['SHOW', 'DESCRIBE', 'DESC', 'USE'];
/**
 * Job services run on compute pools, not warehouses, and waiting for one must not hold a slot
 * its own containers' queries may need.
 */
const SERVICE_COMMANDS = [
  ['EXECUTE', 'JOB'],
  ['CREATE', 'COMPUTE'],
  ['ALTER', 'COMPUTE'],
  ['DROP', 'COMPUTE'],
  ['DROP', 'SERVICE'],
];
const CLOUD_SERVICES_FUNCTIONS = [
  'SYSTEM$CANCEL_QUERY',
  'SYSTEM$CANCEL_JOB',
  'SYSTEM$GET_SERVICE_LOGS',
  'SPCS_CANCEL_JOB',
  'SPCS_WAIT_FOR',
  'GET_JOB_HISTORY',
  'QUERY_HISTORY',
  'QUERY_HISTORY_BY_SESSION',
  'QUERY_HISTORY_BY_USER',
  'QUERY_HISTORY_BY_WAREHOUSE',
];

/**
 * Warehouses are account objects: creating, changing or dropping one needs no warehouse, and
 * raising a busy warehouse's MAX_CONCURRENCY_LEVEL must not wait behind that warehouse's queries.
 */
function isWarehouseCommand(tokens: Token[]): boolean {
  const [first, second] = tokens;
  const kind = isWord(first, 'CREATE') ? tokens[createdKindIndex(tokens)] : second;
  return ['CREATE', 'ALTER', 'DROP'].some((word) => isWord(first, word)) && isWord(kind, 'WAREHOUSE');
}

function callsCloudServicesFunction(tokens: Token[]): boolean {
  return tokens.some((token) => CLOUD_SERVICES_FUNCTIONS.some((name) => isWord(token, name)));
}

export function runsInCloudServices(sql: string): boolean {
  const tokens = significantTokens(sql);
  const [first, second] = tokens;
  if (METADATA_COMMANDS.some((word) => isWord(first, word))) return true;
  if (isWord(first, 'ALTER') && isWord(second, 'SESSION')) return true;
  if (SERVICE_COMMANDS.some(([a, b]) => isWord(first, a) && isWord(second, b))) return true;
  if (isWarehouseCommand(tokens)) return true;
  return (isWord(first, 'SELECT') || isWord(first, 'CALL')) && callsCloudServicesFunction(tokens);
}
