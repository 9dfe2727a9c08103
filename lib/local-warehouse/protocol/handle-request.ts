/**
 * Turns routes into a node:http request listener. Every answer is JSON (snowflake-sdk parses a
 * body only when Content-Type says application/json); a ProtocolError becomes its Snowflake
 * envelope, anything else a 500 with code 261000, and the process keeps serving.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CODES, ProtocolError, badRequest, errorEnvelope } from './errors';
import { matchRoute, type Reply, type Route, type StreamedReply } from './router';

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

/** Resolves when the response can take more, or has closed (the client went away). */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (response.destroyed) return resolve();
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

/**
 * Writes a streamed body as it comes, waiting while the client is slower. A client that goes
 * away stops the stream (its reader is returned, which frees what it holds); a stream that fails
 * midway can no longer become an error reply, so the connection is cut and the client retries.
 */
async function writeStream(response: ServerResponse, { status, contentType, stream }: StreamedReply, fail: (error: unknown) => void): Promise<void> {
  response.writeHead(status, { 'content-type': contentType });
  try {
    for await (const piece of stream) {
      if (!response.write(piece)) await drained(response);
      if (response.destroyed) return;
    }
    response.end();
  } catch (error) {
    fail(error);
    response.destroy();
  }
}

export function createRequestHandler(routes: readonly Route[], logError: ErrorLogger) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const answer = async (): Promise<Reply | StreamedReply> => {
      try {
        const url = parseUrl(request);
        const { route, params } = matchRoute(routes, request.method ?? 'GET', url.pathname);
        return await route.handler({ request, url, params });
      } catch (error) {
        return errorReply(error, request, logError);
      }
    };
    void answer().then((reply) => {
      if ('stream' in reply) {
        return writeStream(response, reply, (error) => logError(`Local warehouse: streaming ${request.method} ${request.url} failed`, error));
      }
      try {
        writeJson(response, reply);
      } catch (error) {
        // E.g. a body JSON cannot encode; nothing was written yet, so a 500 can still go out.
        writeJson(response, errorReply(error, request, logError));
      }
    });
  };
}
