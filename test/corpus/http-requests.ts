/**
 * Requests snowflake-sdk would never send, sent with raw node:http and sockets to the local
 * warehouse's endpoints: binary garbage, truncated JSON and gzip, a gzip bomb, bodies larger
 * than the limit, JSON of the wrong shape, unknown paths and wrong methods, broken HTTP. Each
 * must get a JSON error naming the problem (http.test.ts), and the server must keep serving.
 */
import http from 'node:http';
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { DEFAULT_BODY_LIMIT_BYTES } from '@/lib/local-warehouse/protocol/request-body';
import { MB, type BadInput } from './bad-input';

export interface HttpTarget {
  port: number;
  /** A session token for the endpoints that need one. */
  token: string;
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpProbe {
  status: number;
  send(target: HttpTarget): Promise<HttpAnswer>;
}

interface RequestOptions {
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Sends the session token. */
  auth?: boolean;
}

function request(target: HttpTarget, method: string, path: string, options: RequestOptions = {}): Promise<HttpAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.auth) headers.authorization = `Snowflake Token="${target.token}"`;
  return new Promise((resolve, reject) => {
    const sent = http.request({ host: '127.0.0.1', port: target.port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type']), body: Buffer.concat(chunks).toString() }),
      );
    });
    // The server may answer (413) and close before the whole body is written.
    sent.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    sent.end(options.body);
  });
}

/** Writes `bytes` on a bare socket, ends its side, and reads the answer the server writes before closing. */
function exchange(target: HttpTarget, bytes: string | Buffer): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(target.port, '127.0.0.1', () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString();
      const [head, body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), contentType: /content-type: (.*)/i.exec(head)?.[1] ?? '', body });
    });
  });
}

const probe = (name: string, status: number, expect: RegExp, send: HttpProbe['send']): BadInput<HttpProbe> => ({
  name,
  input: { status, send },
  expect,
});

const post = (path: string, options: RequestOptions) => (target: HttpTarget) => request(target, 'POST', path, options);

const LOGIN = '/session/v1/login-request';
const QUERY = '/queries/v1/query-request';
const UUID = '01234567-89ab-4cde-8f01-23456789abcd';
const LIMIT = new RegExp(`larger than the local warehouse's limit of ${DEFAULT_BODY_LIMIT_BYTES} bytes`);

export const badRequests: BadInput<HttpProbe>[] = [
  probe('random bytes as a login', 400, /^Request body is not valid JSON: /, post(LOGIN, { body: Buffer.from([0xde, 0xad, 0xbe, 0xef, 0, 1, 2, 0xff]) })),
  probe('truncated JSON login', 400, /not valid JSON: .*position 27/, post(LOGIN, { body: '{"data": {"LOGIN_NAME": "a"' })),
  probe('truncated gzip', 400, /^Request body is not valid gzip: unexpected end of file\.$/, post(LOGIN, { body: gzipSync('{"data": {}}').subarray(0, 12) })),
  probe('gzip bomb', 413, LIMIT, post(QUERY, { body: gzipSync(Buffer.alloc(DEFAULT_BODY_LIMIT_BYTES + MB)), auth: true })),
  probe('declared Content-Length over the limit', 413, LIMIT, post(QUERY, { body: '{}', auth: true, headers: { 'content-length': String(DEFAULT_BODY_LIMIT_BYTES + 1) } })),
  probe('chunked body over the limit', 413, LIMIT, post(QUERY, { body: Buffer.alloc(DEFAULT_BODY_LIMIT_BYTES + MB, 32), auth: true, headers: { 'transfer-encoding': 'chunked' } })),
  probe('text/plain body', 400, /not valid JSON: Unexpected token 'h', "hello" is not valid JSON/, post(LOGIN, { body: 'hello', headers: { 'content-type': 'text/plain' } })),
  probe('login body is an array', 400, /^The login-request body must be a JSON object; got an array\.$/, post(LOGIN, { body: '[]' })),
  probe('login body is null', 400, /^The login-request body must be a JSON object; got null\.$/, post(LOGIN, { body: 'null' })),
  probe('login data is a number', 400, /^The login-request body's "data" must be a JSON object; got number\.$/, post(LOGIN, { body: '{"data": 5}' })),
  probe('LOGIN_NAME is a number', 400, /^data\.LOGIN_NAME must be a non-empty string\.$/, post(LOGIN, { body: '{"data": {"LOGIN_NAME": 5}}' })),
  probe('login without a body', 400, /^The login-request body is missing; a JSON object is expected\.$/, post(LOGIN, {})),
  probe('query without a session token', 401, /Authorization header not found/, post(QUERY, { body: '{"sqlText": "SELECT 1"}' })),
  probe('query with a forged token', 401, /^Invalid session token: this local warehouse did not issue it/, post(QUERY, { body: '{"sqlText": "SELECT 1"}', headers: { authorization: 'Snowflake Token="forged"' } })),
  probe('sqlText is a number', 400, /"sqlText" must be a string; got number\./, post(QUERY, { body: '{"sqlText": 5}', auth: true })),
  probe('query body is an array', 400, /^The query-request body must be a JSON object; got an array\.$/, post(QUERY, { body: '[1, 2]', auth: true })),
  probe('parameters is an array', 400, /"parameters" must be a JSON object; got an array\./, post(QUERY, { body: '{"sqlText": "SELECT 1", "parameters": [1]}', auth: true })),
  probe('bindings is an array', 200, /Bind variable map "bindings" must be an object keyed "1", "2"/, post(QUERY, { body: '{"sqlText": "SELECT ?", "bindings": [1]}', auth: true })),
  probe('a binding without a type', 200, /^Bind variable 1 must be an object \{type, value\}\.$/, post(QUERY, { body: '{"sqlText": "SELECT ?", "bindings": {"1": 5}}', auth: true })),
  probe('a binding value of the wrong shape', 200, /^Bind variable 1 must carry its value as a string; got object\.$/, post(QUERY, { body: '{"sqlText": "SELECT ?", "bindings": {"1": {"type": "FIXED", "value": {"x": 1}}}}', auth: true })),
  probe('monitoring a query id that is not a UUID', 200, /^Statement "not-a-uuid" not found: a query id is a UUID/, (target) => request(target, 'GET', '/monitoring/queries/not-a-uuid', { auth: true })),
  probe('result of a 5,000-character query id', 200, /^Statement "a{5000}" not found/, (target) => request(target, 'GET', `/queries/${'a'.repeat(5000)}/result`, { auth: true })),
  probe('result of an unknown query', 200, new RegExp(`^Statement ${UUID} not found`), (target) => request(target, 'GET', `/queries/${UUID}/result`, { auth: true })),
  probe('abort by id of garbage', 200, /^Statement "%00%ff" not found/, (target) => request(target, 'POST', '/queries/%00%ff/abort-request', { auth: true })),
  probe('abort-request without a requestId', 400, /"requestId" must be a non-empty string\./, post('/queries/v1/abort-request', { body: '{}', auth: true })),
  probe('heartbeat without a token', 401, /Authorization header not found/, post('/session/heartbeat', {})),
  probe('token renewal of the wrong type', 400, /"requestType" must be "RENEW"; got 5\./, post('/session/token-request', { body: '{"requestType": 5}', auth: true })),
  probe('logout without delete=true', 400, /add the query parameter delete=true/, post('/session', { auth: true })),
  probe('telemetry as an array', 400, /^The telemetry body must be a JSON object; got an array\.$/, post('/telemetry/send', { body: '[]', auth: true })),
  probe('unknown path', 404, /^No such endpoint: GET \/v2\/statements\./, (target) => request(target, 'GET', '/v2/statements')),
  probe('wrong method', 405, /^DELETE is not allowed on \/queries\/v1\/query-request; use POST\.$/, (target) => request(target, 'DELETE', QUERY, { auth: true })),
  probe('GET of a POST endpoint', 405, /^GET is not allowed on \/session\/heartbeat; use POST\.$/, (target) => request(target, 'GET', '/session/heartbeat', { auth: true })),
  probe('result chunk without its key', 403, /needs the result's key in the x-amz-server-side-encryption-customer-key header/i, (target) => request(target, 'GET', `/results/${UUID}/chunks?offset=0&rows=10`)),
  probe('body shorter than its Content-Length', 400, /ended before the request did: its body is shorter than its Content-Length/, (target) =>
    exchange(target, `POST ${LOGIN} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"data":`),
  ),
  probe('not HTTP at all', 400, /^The request is not valid HTTP \(HPE_INVALID_METHOD\): Parse Error: Invalid method encountered\.$/, (target) => exchange(target, 'GARBAGE\r\n\r\n')),
  probe('binary bytes for a request line', 400, /^The request is not valid HTTP \(HPE_/, (target) => exchange(target, Buffer.from([0, 1, 2, 3, 255, 254, 13, 10, 13, 10]))),
  probe('a broken chunk size', 400, /^The request is not valid HTTP \(HPE_INVALID_CHUNK_SIZE\)/, (target) =>
    exchange(target, `POST ${QUERY} HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`),
  ),
  probe('a Content-Length that is not a number', 400, /^The request is not valid HTTP \(HPE_INVALID_CONTENT_LENGTH\)/, (target) =>
    exchange(target, `POST ${QUERY} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: lots\r\n\r\n`),
  ),
  probe('100 KB of headers', 431, /^The request headers are larger than the local warehouse accepts \(16 KiB\)\.$/, (target) =>
    exchange(target, `GET /session/heartbeat HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`),
  ),
];

/**
 * Requests whose client goes away before the server can answer: nothing to read, but the server
 * must not fall over (http.test.ts checks it still answers afterwards).
 */
export const abandonedRequests: { name: string; send(target: HttpTarget): Promise<void> }[] = [
  {
    name: 'socket closed with the body half sent',
    send: (target) =>
      new Promise((resolve) => {
        const socket = net.connect(target.port, '127.0.0.1', () => {
          socket.write(`POST ${QUERY} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Snowflake Token="${target.token}"\r\nContent-Length: 1000\r\n\r\n{"sqlText":`);
          setTimeout(() => socket.destroy(), 20);
        });
        socket.on('close', () => resolve());
      }),
  },
  {
    name: 'socket closed while a query runs',
    send: (target) =>
      new Promise((resolve) => {
        const body = JSON.stringify({ sqlText: 'CALL SYSTEM$WAIT(1)' });
        const socket = net.connect(target.port, '127.0.0.1', () => {
          socket.write(`POST ${QUERY} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Snowflake Token="${target.token}"\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
          setTimeout(() => socket.destroy(), 100);
        });
        socket.on('close', () => resolve());
      }),
  },
];
