/**
 * Reads a request body as JSON. snowflake-sdk sends bodies uncompressed without
 * Content-Encoding although its code gzips them (observed with snowflake-sdk 3.3.0), so gzip is recognised by the
 * header *or* by the magic bytes, and decompression is bounded like the raw body.
 */
import type { IncomingMessage } from 'node:http';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { CODES, ProtocolError, badRequest } from './errors';

const gunzipAsync = promisify(gunzip);

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024 * 1024;
/**
 * A login body holds a few names, a password or token and session parameters: a few KiB. Its
 * own limit, before and after gunzip, keeps an unauthenticated client from making the warehouse
 * inflate and hold megabytes (a 63 KiB gzip body inflates to 63 MiB).
 */
export const LOGIN_BODY_LIMIT_BYTES = 64 * 1024;

const GZIP_MAGIC = [0x1f, 0x8b];

function tooLarge(limitBytes: number): ProtocolError {
  return new ProtocolError(
    CODES.TOO_LARGE,
    `Request body is larger than the local warehouse's limit of ${limitBytes} bytes.`,
    { httpStatus: 413 },
  );
}

export function readRawBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limitBytes) {
      reject(tooLarge(limitBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limitBytes) fail(tooLarge(limitBytes));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    request.on('error', (error) => fail(badRequest(`Request body could not be read: ${error.message}`)));
  });
}

function isGzip(body: Buffer, contentEncoding: string | undefined): boolean {
  if (contentEncoding?.toLowerCase().includes('gzip')) return true;
  return body.length >= 2 && body[0] === GZIP_MAGIC[0] && body[1] === GZIP_MAGIC[1];
}

export async function decodeBody(
  body: Buffer,
  contentEncoding: string | undefined,
  limitBytes: number,
): Promise<Buffer> {
  if (body.length === 0 || !isGzip(body, contentEncoding)) return body;
  try {
    return await gunzipAsync(body, { maxOutputLength: limitBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limitBytes);
    throw badRequest(`Request body is not valid gzip: ${(error as Error).message}.`);
  }
}

/** Parses JSON text; `undefined` for an empty body, so routes decide whether they need one. */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw badRequest(`Request body is not valid JSON: ${(error as Error).message}.`);
  }
}

export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
  const raw = await readRawBody(request, limitBytes);
  const decoded = await decodeBody(raw, request.headers['content-encoding'], limitBytes);
  return parseJson(decoded);
}

/** `value` as a JSON object, or a 400 naming what was missing or wrong (`what` starts the sentence). */
export function expectObject(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined) throw badRequest(`${what} is missing; a JSON object is expected.`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw badRequest(`${what} must be a JSON object; got ${kind}.`);
  }
  return value as Record<string, unknown>;
}
