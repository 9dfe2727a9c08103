import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ok } from './envelopes';
import { createRequestHandler } from './handle-request';
import { reply, type Route } from './router';

const logged: string[] = [];
let server: Server;
let url: string;

const routes: Route[] = [
  {
    method: 'GET',
    path: /^\/boom$/,
    handler: () => {
      throw new Error('kaboom');
    },
  },
  { method: 'GET', path: /^\/fine$/, handler: () => reply(ok({ fine: true })) },
];

beforeAll(async () => {
  server = createServer(createRequestHandler(routes, (message) => logged.push(message)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

it('turns an unexpected error into a logged 500 with code 261000 and keeps serving', async () => {
  const failed = await fetch(`${url}/boom`);
  expect(failed.status).toBe(500);
  expect(failed.headers.get('content-type')).toContain('application/json');
  expect(await failed.json()).toEqual({
    data: null,
    code: '261000',
    message: 'Internal error in the local warehouse: kaboom',
    success: false,
  });
  expect(logged).toEqual(['Local warehouse: internal error on GET /boom']);

  const fine = await fetch(`${url}/fine`);
  expect(await fine.json()).toMatchObject({ success: true, data: { fine: true } });
});
