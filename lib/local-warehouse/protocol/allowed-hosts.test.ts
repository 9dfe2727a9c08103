/**
 * The warehouse answers only requests naming it in their Host header: loopback names, its
 * configured host or the address the client reached, on any port. Others (DNS rebinding, a
 * forged Host that would put the result key in chunk urls for another host) get 421.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';
import { isAllowedHost } from './allowed-hosts';

describe('isAllowedHost', () => {
  it('takes loopback names, the configured host and the reached address, on any port, case-insensitively', () => {
    for (const host of ['127.0.0.1:4000', 'localhost:9000', 'LOCALHOST', '[::1]:4000', 'flurry.lan:4000', '192.168.1.5:4000']) {
      expect(isAllowedHost(host, 'flurry.lan', '192.168.1.5'), host).toBe(true);
    }
    for (const host of ['evil.example:4000', 'evil.example', '127.0.0.1.evil.example:4000', '192.168.1.6:4000', 'localhost:4000:1', '']) {
      expect(isAllowedHost(host, 'flurry.lan', '192.168.1.5'), host).toBe(false);
    }
  });

  it('reads an IPv4-mapped reached address as IPv4, an IPv6 one in brackets, and a wildcard bind as no name', () => {
    expect(isAllowedHost('10.1.2.3:80', '::', '::ffff:10.1.2.3')).toBe(true);
    expect(isAllowedHost('[fe80::1]:4000', '0.0.0.0', 'fe80::1')).toBe(true);
    expect(isAllowedHost('0.0.0.0:4000', '0.0.0.0', '127.0.0.1')).toBe(false);
  });
});

describe('a warehouse asked for another host, over HTTP', () => {
  let warehouse: TestWarehouse;

  beforeAll(async () => {
    warehouse = await startTestWarehouse();
  });

  afterAll(async () => {
    await warehouse.close();
  });

  /** node:http, because fetch does not let the caller choose the Host header. */
  function send(method: 'GET' | 'POST', path: string, host: string, body?: object, token?: string): Promise<{ status: number; body: Record<string, any> }> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string | number> = { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) };
    if (token) headers.authorization = `Snowflake Token="${token}"`;
    return new Promise((resolve, reject) => {
      const outgoing = request(`${warehouse.url}${path}`, { method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      });
      outgoing.on('error', reject);
      outgoing.end(text);
    });
  }

  const LOGIN = { data: { ACCOUNT_NAME: 'local', LOGIN_NAME: 'hosts', PASSWORD: 'x' } };

  it('refuses a foreign Host with 421 before any route runs, naming the host and what to use', async () => {
    const port = warehouse.port;
    for (const [method, path] of [['POST', '/session/v1/login-request'], ['POST', '/queries/v1/query-request'], ['GET', '/no/such/route']] as const) {
      const answer = await send(method, path, `evil.example:${port}`, LOGIN);
      expect(answer.status, path).toBe(421);
      expect(answer.body).toEqual({
        data: null,
        code: '000421',
        message: `This local warehouse does not answer to the Host "evil.example:${port}"; it answers to 127.0.0.1, localhost, [::1] and the address it was reached at.`,
        success: false,
      });
    }
  });

  it('builds chunk urls from the Host it accepted', async () => {
    // Another port, as through an SSH tunnel: the chunks must be fetched there too.
    const host = `localhost:${warehouse.port + 1}`;
    const login = await send('POST', '/session/v1/login-request', host, LOGIN);
    expect(login.body.success).toBe(true);
    const answer = await send(
      'POST',
      '/queries/v1/query-request',
      host,
      { sqlText: "SELECT SEQ4() AS n, REPEAT('x', 200) AS pad FROM TABLE(GENERATOR(ROWCOUNT => 50000))" },
      login.body.data.token,
    );
    expect(answer.body.success).toBe(true);
    const urls: string[] = answer.body.data.chunks.map((chunk: { url: string }) => chunk.url);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(`http://${host}/results/`)).toBe(true);
  });
});
