/**
 * The stable codes a client is told an error by, each with the HTTP status a route answers it
 * with. Server actions return the code in their result and routes in their JSON body (`code`
 * beside `error`), so a caller can tell kinds of failure apart without reading the message,
 * whose wording may change. Safe for the browser: no server code, only names.
 */
export const ERROR_STATUS = {
  /** The input was refused: a schema, a parameter, or a check the work made before running. */
  invalid_input: 400,
  /** No session and no token: sign in first. */
  unauthenticated: 401,
  /** A read-only caller asked to change something. */
  forbidden: 403,
  /** The id names nothing this dashboard knows. */
  not_found: 404,
  /** The thing exists but cannot give this now (a job with no result yet, a query asked for its containers). */
  conflict: 409,
  /** The request named a Host this dashboard does not answer to. */
  wrong_host: 421,
  /** Too many wrong access tokens; the answer says when to try again. */
  rate_limited: 429,
  /** Anything unexpected: logged on the server, never described to the client. */
  internal: 500,
  /** The warehouse answered with an error of its own (retrying gives the same answer). */
  warehouse_error: 502,
  /** The warehouse could not be reached (retrying later may work). */
  warehouse_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
