/**
 * Test fixture at the HTTP boundary: stands where a Snowflake account's URL would be, records
 * each request the driver sends (decoded JSON body included) and passes it on to a real local
 * warehouse. What a real account would check (the sign-in's credentials, the account URL) is
 * asserted on the recording; everything after sign-in runs for real.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface RecordingProxy {
  port: number;
  requests: RecordedRequest[];
  /** The login-request bodies' `data` objects, in order. */
  logins(): Record<string, unknown>[];
  /** SQL texts of the query-requests, in order. */
  statements(): string[];
  close(): Promise<void>;
}

function decode(raw: Buffer): unknown {
  if (raw.length === 0) return null;
  const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const requests: RecordedRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      requests.push({ method: request.method ?? 'GET', path: request.url ?? '/', body: decode(raw) });
      const forward = http.request(
        { hostname: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: { ...request.headers, host: upstream.host } },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forward.on('error', (error) => {
        response.writeHead(502);
        response.end(error.message);
      });
      forward.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const bodiesOf = (path: RegExp) =>
    requests.filter((request) => path.test(request.path)).map((request) => (request.body as { data?: Record<string, unknown>; sqlText?: string }) ?? {});
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    logins: () => bodiesOf(/^\/session\/v1\/login-request/).map((body) => body.data ?? {}),
    statements: () => bodiesOf(/^\/queries\/v1\/query-request/).map((body) => String(body.sqlText)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
