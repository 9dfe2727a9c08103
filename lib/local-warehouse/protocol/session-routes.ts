/**
 * Session endpoints: login, heartbeat, token renewal, logout and telemetry
 * (the endpoints snowflake-sdk calls: https://github.com/snowflakedb/snowflake-connector-nodejs, lib/services/sf.js).
 */
import type { IncomingMessage } from 'node:http';
import { sameSecret } from '@/lib/domain/same-secret';
import { identifierTooLong } from '@/lib/domain/sql/literals';
import { CODES, ProtocolError, badRequest } from './errors';
import { SESSION_DEFAULTS, type ProtocolDeps } from './deps';
import { loginEnvelope, ok, renewEnvelope } from './envelopes';
import { LOGIN_BODY_LIMIT_BYTES, expectObject, readJsonBody } from './request-body';
import { reply, type Route, type RouteContext } from './router';
import { sessionLevelParameters } from './session-parameters';

/**
 * A login query parameter as Snowflake resolves an identifier: unquoted names are upper-cased,
 * double-quoted ones are taken as written.
 */
function identifier(raw: string | null, fallback: string, what: string): string {
  const value = raw?.trim();
  if (!value) return fallback;
  const quoted = /^"(.+)"$/.exec(value);
  return withinIdentifierLength(quoted ? quoted[1] : value.toUpperCase(), what);
}

/**
 * User, account, database, schema, warehouse and role names are Snowflake identifiers, at most
 * 255 characters (https://docs.snowflake.com/en/sql-reference/identifiers-syntax); a longer one
 * is refused naming the field, before a session would keep it.
 */
function withinIdentifierLength(value: string, what: string): string {
  const tooLong = identifierTooLong(value);
  if (tooLong) throw badRequest(`${what}: ${tooLong}`);
  return value;
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`${what} must be a non-empty string.`);
  return withinIdentifierLength(value, what);
}

/** The socket's peer address: what the login throttle counts by. */
function clientAddress(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}

/**
 * Snowflake's answer to a wrong user or password: 390100 (snowflake-sdk constants/gs_errors.js
 * INCORRECT_USERNAME_PASSWORD), SQLSTATE 08004, this message. It does not say which was wrong.
 */
function loginRefused(): ProtocolError {
  return new ProtocolError(CODES.LOGIN_REFUSED, 'Incorrect username or password was specified.', { sqlState: '08004' });
}

/** Login names are case-insensitive, as Snowflake's; both parts are always compared, in constant time. */
function credentialsMatch(expected: NonNullable<ProtocolDeps['credentials']>, user: string, password: unknown): boolean {
  const userMatches = sameSecret(user.toUpperCase(), expected.user.toUpperCase());
  const passwordMatches = sameSecret(typeof password === 'string' ? password : '', expected.password);
  return userMatches && passwordMatches;
}

/**
 * Who logs in: an OAUTH login is whoever its token was issued for (a job's containers); any
 * other login is its LOGIN_NAME, with its password checked when the warehouse has a configured
 * login (FLURRY_WAREHOUSE_USER / FLURRY_WAREHOUSE_PASSWORD) and not checked otherwise.
 */
function loginIdentity(deps: ProtocolDeps, data: Record<string, unknown>, address: string) {
  if (typeof data.AUTHENTICATOR === 'string' && data.AUTHENTICATOR.toUpperCase() === 'OAUTH') {
    return deps.sessions.redeemOAuthToken(data.TOKEN);
  }
  const user = requireString(data.LOGIN_NAME, 'data.LOGIN_NAME');
  // Checked before the password, so a locked-out address learns nothing from its guesses.
  deps.loginThrottle.refuseIfLocked(address);
  if (deps.credentials && !credentialsMatch(deps.credentials, user, data.PASSWORD)) {
    deps.loginThrottle.recordFailure(address);
    throw loginRefused();
  }
  return { ...SESSION_DEFAULTS, user: user.toUpperCase() };
}

async function login(deps: ProtocolDeps, { request, url }: RouteContext) {
  const body = expectObject(await readJsonBody(request, LOGIN_BODY_LIMIT_BYTES), 'The login-request body');
  const data = expectObject(body.data, 'The login-request body\'s "data"');
  const account = data.ACCOUNT_NAME;
  if (typeof account === 'string') withinIdentifierLength(account, 'data.ACCOUNT_NAME');
  if (account !== undefined && (typeof account !== 'string' || account.toLowerCase() !== deps.account.toLowerCase())) {
    throw new ProtocolError(
      CODES.LOGIN_REFUSED,
      `Account ${JSON.stringify(account)} does not exist here: this local warehouse serves account "${deps.account}".`,
    );
  }
  const identity = loginIdentity(deps, data, clientAddress(request));
  const parameters = sessionLevelParameters(data.SESSION_PARAMETERS);
  const params = url.searchParams;
  const session = deps.sessions.create(
    {
      user: identity.user,
      role: identifier(params.get('roleName'), identity.role, 'The query parameter roleName'),
      database: identifier(params.get('databaseName'), identity.database, 'The query parameter databaseName'),
      schema: identifier(params.get('schemaName'), identity.schema, 'The query parameter schemaName'),
      warehouse: identifier(params.get('warehouse'), identity.warehouse, 'The query parameter warehouse'),
      queryTag: typeof parameters.QUERY_TAG === 'string' ? parameters.QUERY_TAG : '',
    },
    parameters,
  );
  return reply(loginEnvelope(session, deps.sessions.validitySeconds, deps.sessions.masterValiditySeconds));
}

async function renewToken(deps: ProtocolDeps, { request }: RouteContext) {
  // Read before the master token is checked, so bounded like a login body.
  const body = expectObject(await readJsonBody(request, LOGIN_BODY_LIMIT_BYTES), 'The token-request body');
  if (body.requestType !== 'RENEW') {
    throw badRequest(`The token-request body's "requestType" must be "RENEW"; got ${JSON.stringify(body.requestType)}.`);
  }
  const session = deps.sessions.renew(request.headers.authorization);
  return reply(renewEnvelope(session, deps.sessions.validitySeconds, deps.sessions.masterValiditySeconds));
}

function logout(deps: ProtocolDeps, { request, url }: RouteContext) {
  if (url.searchParams.get('delete') !== 'true') {
    throw badRequest('POST /session only deletes a session; add the query parameter delete=true.');
  }
  deps.sessions.close(deps.sessions.authenticate(request.headers.authorization));
  return reply(ok(null));
}

/** The driver's connection-shape telemetry is accepted (after checking its JSON) and dropped. */
async function telemetry(deps: ProtocolDeps, { request }: RouteContext) {
  deps.sessions.authenticate(request.headers.authorization);
  expectObject(await readJsonBody(request, deps.bodyLimitBytes), 'The telemetry body');
  return reply(ok(null));
}

export function sessionRoutes(deps: ProtocolDeps): Route[] {
  return [
    { method: 'POST', path: /^\/session\/v1\/login-request$/, handler: (context) => login(deps, context) },
    { method: 'POST', path: /^\/session\/token-request$/, handler: (context) => renewToken(deps, context) },
    {
      method: 'POST',
      path: /^\/session\/heartbeat$/,
      handler: ({ request }) => {
        deps.sessions.authenticate(request.headers.authorization);
        return reply(ok(null));
      },
    },
    { method: 'POST', path: /^\/session$/, handler: (context) => logout(deps, context) },
    { method: 'POST', path: /^\/telemetry\/send$/, handler: (context) => telemetry(deps, context) },
  ];
}
