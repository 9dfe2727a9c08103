/**
 * The errors procedure statements and CALL raise, in the shapes of engine/snowflake-errors.ts.
 * Snowflake's documentation gives none of these texts; they follow the messages Snowflake returns
 * for the same mistakes with functions (002141 unknown function, 001044 invalid argument types,
 * 002003 "does not exist or not authorized").
 */
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';

const COMPILATION = 'SQL compilation error:';

export const procedureErrors = {
  /** CALL of a name no procedure in the schema has. */
  unknown: (name: string) =>
    new SnowflakeQueryError({ code: '002141', sqlState: '42601', message: `${COMPILATION}\nUnknown user-defined function ${name}.` }),
  /** CALL whose arguments fit none of the name's overloads; `types` the arguments' own types. */
  invalidArguments: (name: string, types: string[]) =>
    new SnowflakeQueryError({
      code: '001044',
      sqlState: '42P13',
      message: `${COMPILATION}\nInvalid argument types for function '${name}': (${types.join(', ')})`,
    }),
  /** CALL by name with an argument the procedure does not declare, or without a required one. */
  namedArguments: (name: string, detail: string) =>
    new SnowflakeQueryError(snowflakeErrors.compilation(`Invalid arguments for procedure '${name}': ${detail}`)),
  /** DROP or DESCRIBE of a signature that does not exist. */
  notFound: (signature: string) =>
    new SnowflakeQueryError({
      code: '002003',
      sqlState: '02000',
      message: `${COMPILATION}\nProcedure '${signature}' does not exist or not authorized.`,
    }),
  alreadyExists: (name: string) => new SnowflakeQueryError(snowflakeErrors.alreadyExists(name)),
  schemaNotFound: (database: string, schema: string) => new SnowflakeQueryError(snowflakeErrors.schemaNotFound(`${database}.${schema}`)),
  unsupportedType: (type: string) => new SnowflakeQueryError(snowflakeErrors.unsupportedType(type)),
  /** RETURNS <type> NOT NULL and the procedure returned NULL. */
  nullReturned: (name: string) =>
    new SnowflakeQueryError({
      code: '100072',
      sqlState: '22000',
      message: `NULL result in a non-nullable column: procedure ${name} returned NULL.`,
    }),
};
