import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from './errors';
import { decodeBody, expectObject, parseJson, readRawBody } from './request-body';

const LIMIT = 1024;

async function rejection(promise: Promise<unknown>): Promise<ProtocolError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ProtocolError)) throw new Error(`expected a ProtocolError, got ${String(error)}`);
  return error;
}

/** A request stream as node:http hands it over: chunks plus headers. */
function incoming(chunks: Buffer[], headers: Record<string, string> = {}): IncomingMessage {
  return Object.assign(Readable.from(chunks), { headers }) as unknown as IncomingMessage;
}

describe('readRawBody', () => {
  it('joins the chunks', async () => {
    const body = await readRawBody(incoming([Buffer.from('ab'), Buffer.from('cd')]), LIMIT);
    expect(body.toString()).toBe('abcd');
  });

  it('answers 413 once the chunks pass the limit', async () => {
    const error = await rejection(readRawBody(incoming([Buffer.alloc(LIMIT), Buffer.alloc(1)]), LIMIT));
    expect(error.httpStatus).toBe(413);
    expect(error.message).toContain(`limit of ${LIMIT} bytes`);
  });

  it('answers 413 at once when Content-Length declares too much', async () => {
    const error = await rejection(readRawBody(incoming([], { 'content-length': String(LIMIT + 1) }), LIMIT));
    expect(error.httpStatus).toBe(413);
  });
});

describe('decodeBody', () => {
  const json = Buffer.from('{"sqlText":"select 1"}');

  it('passes a plain body through', async () => {
    expect(await decodeBody(json, undefined, LIMIT)).toEqual(json);
  });

  it('gunzips by the magic bytes even without Content-Encoding', async () => {
    expect((await decodeBody(gzipSync(json), undefined, LIMIT)).toString()).toBe(json.toString());
  });

  it('gunzips when Content-Encoding says gzip', async () => {
    expect((await decodeBody(gzipSync(json), 'gzip', LIMIT)).toString()).toBe(json.toString());
  });

  it('answers 400 for truncated gzip', async () => {
    const truncated = gzipSync(json).subarray(0, 12);
    const error = await rejection(decodeBody(truncated, undefined, LIMIT));
    expect(error.httpStatus).toBe(400);
    expect(error.message).toMatch(/^Request body is not valid gzip/);
  });

  it('answers 413 when the body inflates past the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(LIMIT * 4, 'a'));
    const error = await rejection(decodeBody(bomb, undefined, LIMIT));
    expect(error.httpStatus).toBe(413);
  });
});

describe('parseJson and expectObject', () => {
  it('reads JSON and treats an empty body as absent', () => {
    expect(parseJson(Buffer.from('{"a":1}'))).toEqual({ a: 1 });
    expect(parseJson(Buffer.alloc(0))).toBeUndefined();
  });

  it('answers 400 naming the JSON problem', () => {
    expect(() => parseJson(Buffer.from('{"a":'))).toThrow(/^Request body is not valid JSON/);
  });

  it('names the missing or mistyped object', () => {
    expect(() => expectObject(undefined, 'The login-request body')).toThrow('The login-request body is missing');
    expect(() => expectObject([1], 'The login-request body')).toThrow('must be a JSON object; got an array');
    expect(() => expectObject(null, 'X')).toThrow('got null');
    expect(expectObject({ a: 1 }, 'X')).toEqual({ a: 1 });
  });
});
