/**
 * CREATE / ALTER / DROP WAREHOUSE and SHOW WAREHOUSES, which the engine answers itself
 * (engine/warehouses.ts). This module only parses them. Properties the local warehouse keeps
 * are read and checked; the ones it cannot honour (timeouts, resource monitors, query
 * acceleration, tags) are refused by name rather than silently ignored.
 */
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { StatementCursor } from './statement-cursor';

export interface WarehouseProperties {
  /** As SHOW WAREHOUSES spells it: `X-Small`, `Small` … `6X-Large`. */
  size?: string;
  type?: 'STANDARD' | 'SNOWPARK-OPTIMIZED';
  maxConcurrencyLevel?: number;
  /** Seconds; null: never. */
  autoSuspend?: number | null;
  autoResume?: boolean;
  initiallySuspended?: boolean;
  minClusterCount?: number;
  maxClusterCount?: number;
  scalingPolicy?: 'STANDARD' | 'ECONOMY';
  comment?: string;
}

export type WarehouseProperty = keyof WarehouseProperties;

export type WarehouseStatement =
  | { kind: 'createWarehouse'; name: string; orReplace: boolean; ifNotExists: boolean; properties: WarehouseProperties }
  /** SET gives new values; UNSET (`reset`) puts properties back to their defaults; RESUME changes nothing. */
  | { kind: 'alterWarehouse'; name: string; ifExists: boolean; set: WarehouseProperties; reset: WarehouseProperty[] }
  | { kind: 'dropWarehouse'; name: string; ifExists: boolean }
  | { kind: 'showWarehouses'; like: string | null }
  /** SHOW PARAMETERS [LIKE '…'] IN WAREHOUSE w: where MAX_CONCURRENCY_LEVEL is read back. */
  | { kind: 'showWarehouseParameters'; name: string; like: string | null };

/** Snowflake's size keywords (and the spellings it also accepts) → SHOW WAREHOUSES's names. */
const SIZES: Record<string, string> = {
  XSMALL: 'X-Small',
  'X-SMALL': 'X-Small',
  SMALL: 'Small',
  MEDIUM: 'Medium',
  LARGE: 'Large',
  XLARGE: 'X-Large',
  'X-LARGE': 'X-Large',
  XXLARGE: '2X-Large',
  X2LARGE: '2X-Large',
  '2X-LARGE': '2X-Large',
  XXXLARGE: '3X-Large',
  X3LARGE: '3X-Large',
  '3X-LARGE': '3X-Large',
  X4LARGE: '4X-Large',
  '4X-LARGE': '4X-Large',
  X5LARGE: '5X-Large',
  '5X-LARGE': '5X-Large',
  X6LARGE: '6X-Large',
  '6X-LARGE': '6X-Large',
};

const SIZE_KEYWORDS = 'XSMALL, SMALL, MEDIUM, LARGE, XLARGE, XXLARGE, XXXLARGE, X4LARGE, X5LARGE, X6LARGE';

/** Property name in SQL → the field it sets. */
const PROPERTY_NAMES: Record<string, WarehouseProperty> = {
  WAREHOUSE_SIZE: 'size',
  WAREHOUSE_TYPE: 'type',
  MAX_CONCURRENCY_LEVEL: 'maxConcurrencyLevel',
  AUTO_SUSPEND: 'autoSuspend',
  AUTO_RESUME: 'autoResume',
  INITIALLY_SUSPENDED: 'initiallySuspended',
  MIN_CLUSTER_COUNT: 'minClusterCount',
  MAX_CLUSTER_COUNT: 'maxClusterCount',
  SCALING_POLICY: 'scalingPolicy',
  COMMENT: 'comment',
};

/** The warehouse statement, or null when the statement is none. */
export function warehouseStatement(sql: string): WarehouseStatement | null {
  const at = new StatementCursor(sql);
  let statement: WarehouseStatement | null = null;
  if (at.accept('CREATE')) statement = create(at);
  else if (at.accept('ALTER', 'WAREHOUSE')) statement = alter(at);
  else if (at.accept('DROP', 'WAREHOUSE')) {
    const ifExists = at.accept('IF', 'EXISTS');
    statement = { kind: 'dropWarehouse', name: at.name(), ifExists };
  } else if (at.accept('SHOW', 'WAREHOUSES')) statement = { kind: 'showWarehouses', like: at.like() };
  else if (at.accept('SHOW', 'PARAMETERS')) statement = showParameters(at);
  if (statement) at.end();
  return statement;
}

/** Only the warehouse form; SHOW PARAMETERS of a session or an account is not answered here. */
function showParameters(at: StatementCursor): WarehouseStatement | null {
  const like = at.like();
  if (!at.accept('IN', 'WAREHOUSE')) return null;
  return { kind: 'showWarehouseParameters', name: at.name(), like };
}

function create(at: StatementCursor): WarehouseStatement | null {
  const orReplace = at.accept('OR', 'REPLACE');
  if (!at.accept('WAREHOUSE')) return null;
  const ifNotExists = at.accept('IF', 'NOT', 'EXISTS');
  const name = at.name();
  at.accept('WITH');
  const properties: WarehouseProperties = {};
  while (!at.atEnd()) readProperty(at, properties);
  return { kind: 'createWarehouse', name, orReplace, ifNotExists, properties };
}

function alter(at: StatementCursor): WarehouseStatement {
  const ifExists = at.accept('IF', 'EXISTS');
  const name = at.name();
  const set: WarehouseProperties = {};
  const reset: WarehouseProperty[] = [];
  // The local warehouse is always running, so resuming it changes nothing.
  if (at.accept('RESUME')) {
    at.accept('IF', 'SUSPENDED');
  } else if (at.accept('SET')) {
    do readProperty(at, set);
    while (!at.atEnd());
  } else if (at.accept('UNSET')) {
    do reset.push(propertyName(at));
    while (at.acceptSymbol(','));
  } else {
    for (const action of ['SUSPEND', 'RENAME', 'ABORT']) {
      if (at.accept(action)) throw new SnowflakeQueryError(snowflakeErrors.unsupported(`ALTER WAREHOUSE … ${action}`));
    }
    throw at.unexpected();
  }
  return { kind: 'alterWarehouse', name, ifExists, set, reset };
}

/** A property the local warehouse keeps; the others Snowflake knows are refused by name. */
function propertyName(at: StatementCursor): WarehouseProperty {
  const name = at.name();
  const property = PROPERTY_NAMES[name];
  if (!property) throw new SnowflakeQueryError(snowflakeErrors.unsupported(`warehouse property ${name}`));
  return property;
}

function readProperty(at: StatementCursor, into: WarehouseProperties): void {
  const property = propertyName(at);
  at.expectSymbol('=');
  switch (property) {
    case 'size': {
      const value = at.keywordOrString();
      into.size = SIZES[value] ?? invalid('WAREHOUSE_SIZE', value, `one of ${SIZE_KEYWORDS}`);
      return;
    }
    case 'type': {
      const value = at.keywordOrString();
      if (value !== 'STANDARD' && value !== 'SNOWPARK-OPTIMIZED') return invalid('WAREHOUSE_TYPE', value, "one of STANDARD, 'SNOWPARK-OPTIMIZED'");
      into.type = value;
      return;
    }
    case 'scalingPolicy': {
      const value = at.keywordOrString();
      if (value !== 'STANDARD' && value !== 'ECONOMY') return invalid('SCALING_POLICY', value, 'one of STANDARD, ECONOMY');
      into.scalingPolicy = value;
      return;
    }
    case 'autoResume':
    case 'initiallySuspended':
      into[property] = boolean(at, property === 'autoResume' ? 'AUTO_RESUME' : 'INITIALLY_SUSPENDED');
      return;
    case 'autoSuspend':
      into.autoSuspend = at.accept('NULL') ? null : at.wholeNumber();
      return;
    case 'comment':
      into.comment = at.string();
      return;
    default:
      into[property] = atLeastOne(at, property);
  }
}

function boolean(at: StatementCursor, name: string): boolean {
  const value = at.keywordOrString();
  if (value !== 'TRUE' && value !== 'FALSE') return invalid(name, value, 'TRUE or FALSE');
  return value === 'TRUE';
}

function atLeastOne(at: StatementCursor, property: WarehouseProperty): number {
  const value = at.wholeNumber();
  if (value < 1) {
    const name = Object.keys(PROPERTY_NAMES).find((key) => PROPERTY_NAMES[key] === property) as string;
    return invalid(name, String(value), 'a whole number of at least 1');
  }
  return value;
}

function invalid(property: string, value: string, expected: string): never {
  throw new SnowflakeQueryError(
    snowflakeErrors.compilation(`invalid value '${value}' for property '${property}'; expected ${expected}.`),
  );
}
