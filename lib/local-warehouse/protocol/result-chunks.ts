/**
 * Large results in chunks, handed out as Snowflake's result storage hands them to snowflake-sdk
 * (connection/result/result.js, chunk.js, services/large_result_set.js): the answer lists each
 * chunk's absolute `url` with `qrmk` and `chunkHeaders`; the driver GETs the url sending those
 * headers and no session token, gunzips if told to, and reads the body as the chunk's rows
 * joined by commas, without enclosing brackets. A body labelled application/json would be
 * parsed by the driver's HTTP layer, and application/xml is read as a storage error, so chunks
 * go out as application/octet-stream.
 *
 * The key in the headers is an HMAC of the query id under a secret made when the process
 * starts: holding it proves the client was given the result. It lapses on a restart, when the
 * client fetches the result again (as its sessions lapse too).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ResultChunk, WireCell } from '../engine/types';
import type { ProtocolDeps } from './deps';
import { CODES, ProtocolError } from './errors';
import { requireQueryId } from './query-id';
import type { Route, RouteContext, StreamedReply } from './router';

const SECRET = randomBytes(32);
/** S3's customer-key header, the one snowflake-sdk builds from `qrmk` when `chunkHeaders` is absent. */
const KEY_HEADER = 'x-amz-server-side-encryption-customer-key';
/** local: a chunk request without the result's key (S3 answers 403 too; the driver retries 403s). */
const FORBIDDEN = '000403';

function resultKey(queryId: string): string {
  return createHmac('sha256', SECRET).update(queryId).digest('base64');
}

function holdsKey(request: IncomingMessage, queryId: string): boolean {
  const sent = request.headers[KEY_HEADER];
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(resultKey(queryId));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The address the client reached the warehouse at: chunk urls must be absolute. The Host header
 * has passed the allow-list (allowed-hosts.ts) before any route runs, so a url never names a
 * host other than this warehouse.
 */
export function requestOrigin(request: IncomingMessage): string {
  const { localAddress = '127.0.0.1', localPort } = request.socket;
  const address = localAddress.includes(':') ? `[${localAddress}]` : localAddress;
  return `http://${request.headers.host ?? `${address}:${localPort}`}`;
}

/** The result answer's chunk fields, or none when every row is inline. */
export function chunkFields(origin: string, queryId: string, chunks: readonly ResultChunk[]): Record<string, unknown> {
  if (chunks.length === 0) return {};
  const key = resultKey(queryId);
  return {
    chunks: chunks.map((chunk) => ({
      url: `${origin}/results/${queryId}/chunks?offset=${chunk.offset}&rows=${chunk.rowCount}`,
      rowCount: chunk.rowCount,
      uncompressedSize: chunk.uncompressedSize,
      // Sent uncompressed: on one machine gzip would cost more time than it saves.
      compressedSize: chunk.uncompressedSize,
    })),
    qrmk: key,
    chunkHeaders: { 'x-amz-server-side-encryption-customer-algorithm': 'AES256', [KEY_HEADER]: key },
  };
}

/** Rows as a chunk body: JSON arrays joined by commas, a page at a time. */
async function* chunkBody(pages: AsyncIterable<WireCell[][]>): AsyncGenerator<string> {
  let first = true;
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield `${first ? '' : ','}${page.map((row) => JSON.stringify(row)).join(',')}`;
    first = false;
  }
}

function wholeParameter(url: URL, name: string): number {
  const text = url.searchParams.get(name);
  const value = Number(text);
  if (text === null || !/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new ProtocolError(CODES.BAD_REQUEST, `A result chunk's "${name}" must be a whole number; got ${JSON.stringify(text)}.`, {
      httpStatus: 400,
    });
  }
  return value;
}

async function serveChunk(deps: ProtocolDeps, { request, url, params }: RouteContext): Promise<StreamedReply> {
  const notFound = (message: string) => new ProtocolError(CODES.NOT_FOUND, message, { httpStatus: 404 });
  let queryId: string;
  try {
    queryId = requireQueryId(params.queryId);
  } catch (error) {
    throw notFound(error instanceof Error ? error.message : String(error));
  }
  if (!holdsKey(request, queryId)) {
    throw new ProtocolError(FORBIDDEN, `A chunk of result ${queryId} needs the result's key in the ${KEY_HEADER} header, as the result answer's chunkHeaders give it.`, {
      httpStatus: 403,
    });
  }
  const pages = await deps.engine.streamResultRows(queryId, wholeParameter(url, 'offset'), wholeParameter(url, 'rows'));
  if (!pages) throw notFound(`Result for query ${queryId} has expired or does not exist.`);
  return { status: 200, contentType: 'application/octet-stream', stream: chunkBody(pages) };
}

export function resultChunkRoutes(deps: ProtocolDeps): Route[] {
  return [{ method: 'GET', path: /^\/results\/(?<queryId>[^/]+)\/chunks$/, handler: (context) => serveChunk(deps, context) }];
}
