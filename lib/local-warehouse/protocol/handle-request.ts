/**
 * Turns routes into a node:http request listener. Every answer is JSON (snowflake-sdk parses a
 * body only when Content-Type says application/json); a ProtocolError becomes its Snowflake
 * envelope, anything else a 500 with code 261000, and the process keeps serving.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
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

/** `admit` runs before any route and throws the refusal for a request no route may see. */
export function createRequestHandler(routes: readonly Route[], logError: ErrorLogger, admit: (request: IncomingMessage) => void = () => {}) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const answer = async (): Promise<Reply | StreamedReply> => {
      try {
        admit(request);
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

/** Why node:http could not read a request, as the status and message to answer with. */
function clientErrorReply(error: NodeJS.ErrnoException): ProtocolError {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return new ProtocolError(CODES.HEADERS_TOO_LARGE, 'The request headers are larger than the local warehouse accepts (16 KiB).', { httpStatus: 431 });
  }
  if (error.code === 'HPE_INVALID_EOF_STATE') {
    return badRequest('The connection ended before the request did: its body is shorter than its Content-Length, or its last chunk is missing.');
  }
  return badRequest(`The request is not valid HTTP (${error.code ?? 'parse error'}): ${error.message}.`);
}

/**
 * node:http's `clientError`: a request it could not parse (garbage bytes, a body cut short, bad
 * headers) is answered with a JSON error like every other refusal, instead of Node's bare 400,
 * and the connection is closed. A connection already gone is let go.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const refusal = clientErrorReply(error);
  const body = JSON.stringify(errorEnvelope(refusal));
  socket.end(
    `HTTP/1.1 ${refusal.httpStatus} ${STATUS_CODES[refusal.httpStatus]}\r\n` +
      `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
