import { fromSnowflakeError } from './errors';
import { snowflakeErrors } from '../engine/snowflake-errors';

/** snowflake-sdk's own check (connection.js queryIdRegex): query ids are UUIDs. */
const QUERY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id from a path segment, or Snowflake's "Statement … not found" saying what was wrong with it. */
export function requireQueryId(segment: string): string {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    id = segment;
  }
  if (!QUERY_ID.test(id)) {
    const notFound = snowflakeErrors.statementNotFound(JSON.stringify(id));
    throw fromSnowflakeError({ ...notFound, message: `${notFound.message}: a query id is a UUID such as 01b2c3d4-0000-4000-8000-000000000000.` });
  }
  return id.toLowerCase();
}
