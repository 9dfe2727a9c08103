/**
 * A tiny method + path router: the protocol has a dozen fixed routes, so a list of regular
 * expressions is all it needs. Unknown paths and wrong methods are Snowflake-shaped errors.
 */
import type { IncomingMessage } from 'node:http';
import { CODES, ProtocolError } from './errors';

export interface RouteContext {
  request: IncomingMessage;
  url: URL;
  /** Named groups of the route's path pattern. */
  params: Record<string, string>;
}

export interface Reply {
  status: number;
  /** A Snowflake response envelope (./envelopes.ts), sent as JSON. */
  body: Record<string, unknown>;
}

/** A body written piece by piece as it is produced (result chunks), never held whole. */
export interface StreamedReply {
  status: number;
  contentType: string;
  stream: AsyncIterable<string>;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Anchored pattern over the URL's pathname; named groups become `params`. */
  path: RegExp;
  handler: (context: RouteContext) => Promise<Reply | StreamedReply> | Reply | StreamedReply;
}

export function reply(body: Reply['body'], status = 200): Reply {
  return { status, body };
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string): { route: Route; params: Record<string, string> } {
  let allowed: string[] = [];
  for (const route of routes) {
    const match = route.path.exec(pathname);
    if (!match) continue;
    if (route.method === method) return { route, params: { ...match.groups } };
    allowed = [...allowed, route.method];
  }
  if (allowed.length > 0) {
    throw new ProtocolError(CODES.METHOD_NOT_ALLOWED, `${method} is not allowed on ${pathname}; use ${allowed.join(' or ')}.`, {
      httpStatus: 405,
    });
  }
  throw new ProtocolError(CODES.NOT_FOUND, `No such endpoint: ${method} ${pathname}. The local warehouse serves Snowflake's REST API as snowflake-sdk uses it.`, {
    httpStatus: 404,
  });
}
