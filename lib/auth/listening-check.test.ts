import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { assertListeningSafely, listeningAddresses } from './listening-check';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function listen(host: string): Promise<void> {
  const server = net.createServer();
  servers.push(server);
  return new Promise((resolve) => server.listen(0, host, () => resolve()));
}

const NO_TOKEN = { token: null, readOnlyToken: null };

describe('the listening check', () => {
  it('finds the addresses this process listens on', async () => {
    await listen('127.0.0.1');
    await listen('0.0.0.0');
    expect(listeningAddresses()).toEqual(expect.arrayContaining(['127.0.0.1', '0.0.0.0']));
  });

  it('refuses a server reachable from other machines without a token, naming FLURRY_AUTH_TOKEN', async () => {
    await listen('0.0.0.0');
    expect(() => assertListeningSafely(NO_TOKEN)).toThrow(/listen on 0\.0\.0\.0 \(the address the dashboard server listens on\).*FLURRY_AUTH_TOKEN is not set/);
    expect(() => assertListeningSafely({ token: 'a-long-enough-token-0123', readOnlyToken: null })).not.toThrow();
  });

  it('lets a loopback-only server start without a token', async () => {
    await listen('127.0.0.1');
    expect(() => assertListeningSafely(NO_TOKEN)).not.toThrow();
    expect(() => assertListeningSafely(NO_TOKEN, ['::1', '127.0.0.1'])).not.toThrow();
    expect(() => assertListeningSafely(NO_TOKEN, ['::'])).toThrow('FLURRY_AUTH_TOKEN');
  });
});
