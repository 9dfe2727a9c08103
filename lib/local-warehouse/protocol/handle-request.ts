/**
 * Turns routes into a node:http request listener. Every answer is JSON (snowflake-sdk parses a
 * body only when Content-Type says application/json); a ProtocolError becomes its Snowflake
 * envelope, anything else a 500 with code 261000, and the process keeps serving.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CODES, ProtocolError, badRequest, errorEnvelope } from './errors';
import { matchRoute, type Reply, type Route } from './router';

export type ErrorLogger = (message: string, error: unknown) => void;

function errorReply(error: unknown, request: IncomingMessage, logError: ErrorLogger): Reply {
  if (error instanceof ProtocolError) return { status: error.httpStatus, body: errorEnvelope(error) };
  logError(`Local warehouse: internal error on ${request.method} ${request.url}`, error);
  const internal = new ProtocolError(
    CODES.INTERNAL,
    `Internal error in the local warehouse: ${error instanceof Error ? error.message : String(error)}`,
    { httpStatus: 500 },
  );
  return { status: 500, body: errorEnvelope(internal) };
}

function parseUrl(request: IncomingMessage): URL {
  try {
    return new URL(`http://local${request.url ?? '/'}`);
  } catch {
    throw badRequest(`Request target ${JSON.stringify(request.url)} is not a valid path.`);
  }
}

function writeJson(response: ServerResponse, { status, body }: Reply): void {
  if (response.destroyed || response.writableEnded) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    // After a refused oversized body the rest of it is not worth reading: drop the connection.
    ...(status === 413 ? { connection: 'close' } : {}),
  });
  response.end(text);
}

export function createRequestHandler(routes: readonly Route[], logError: ErrorLogger) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const answer = async (): Promise<Reply> => {
      try {
        const url = parseUrl(request);
        const { route, params } = matchRoute(routes, request.method ?? 'GET', url.pathname);
        return await route.handler({ request, url, params });
      } catch (error) {
        return errorReply(error, request, logError);
      }
    };
    void answer().then((reply) => {
      try {
        writeJson(response, reply);
      } catch (error) {
        // E.g. a body JSON cannot encode; nothing was written yet, so a 500 can still go out.
        writeJson(response, errorReply(error, request, logError));
      }
    });
  };
}
