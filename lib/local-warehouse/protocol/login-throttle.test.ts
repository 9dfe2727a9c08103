/**
 * Password guessing at the warehouse's login is held back per client address: the throttle on
 * a fake clock, then through real HTTP against a warehouse with a configured login.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';
import { ProtocolError } from './errors';
import { LOGIN_FAILURE_WINDOW_MS, LOGIN_THROTTLED, MAX_LOGIN_FAILURES, createLoginThrottle } from './login-throttle';

function refusal(run: () => void): ProtocolError | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
}

describe('the login throttle (fake clock)', () => {
  it(`refuses an address after ${MAX_LOGIN_FAILURES} failures until its window ends, and no other address`, () => {
    const clock = { now: 1_000_000 };
    const throttle = createLoginThrottle(() => clock.now);
    for (let i = 0; i < MAX_LOGIN_FAILURES; i++) {
      expect(refusal(() => throttle.refuseIfLocked('10.0.0.7'))).toBeNull();
      throttle.recordFailure('10.0.0.7');
      clock.now += 1000;
    }
    const refused = refusal(() => throttle.refuseIfLocked('10.0.0.7'));
    expect(refused).toMatchObject({ code: LOGIN_THROTTLED, httpStatus: 200, sqlState: '08004' });
    expect(refused?.message).toBe(`Too many failed logins from 10.0.0.7: at most ${MAX_LOGIN_FAILURES} in 5 minutes. Try again in 290 seconds.`);
    expect(refusal(() => throttle.refuseIfLocked('10.0.0.8'))).toBeNull();

    clock.now = 1_000_000 + LOGIN_FAILURE_WINDOW_MS - 1;
    expect(refusal(() => throttle.refuseIfLocked('10.0.0.7'))?.message).toContain('Try again in 1 seconds.');
    clock.now += 1;
    expect(refusal(() => throttle.refuseIfLocked('10.0.0.7'))).toBeNull();
  });
});

const CREDENTIALS = { user: 'throttled_svc', password: 'a-right-password-93b1c0' };

describe('a warehouse with a configured login, over HTTP', () => {
  let warehouse: TestWarehouse;

  beforeAll(async () => {
    warehouse = await startTestWarehouse({ credentials: CREDENTIALS });
  });

  afterAll(async () => {
    await warehouse.close();
  });

  /** A password login from `localAddress` (any 127.x.y.z reaches the loopback warehouse). */
  function login(data: Record<string, unknown>, localAddress = '127.0.0.1'): Promise<Record<string, any>> {
    const body = JSON.stringify({ data: { ACCOUNT_NAME: 'local', ...data } });
    return new Promise((resolve, reject) => {
      const outgoing = request(
        `${warehouse.url}/session/v1/login-request`,
        { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  it('refuses even the right password from an address that guessed wrong too often, while other addresses and OAuth logins get in', async () => {
    const right = { LOGIN_NAME: CREDENTIALS.user, PASSWORD: CREDENTIALS.password };
    for (let i = 0; i < MAX_LOGIN_FAILURES; i++) {
      expect(await login({ LOGIN_NAME: CREDENTIALS.user, PASSWORD: `guess-${i}` })).toMatchObject({ success: false, code: '390100' });
    }
    const locked = await login(right);
    expect(locked).toMatchObject({ success: false, code: LOGIN_THROTTLED, data: { sqlState: '08004' } });
    expect(locked.message).toMatch(/^Too many failed logins from 127\.0\.0\.1: at most 10 in 5 minutes\. Try again in \d+ seconds\.$/);
    expect(await login({ LOGIN_NAME: CREDENTIALS.user, PASSWORD: 'one-more-guess' })).toMatchObject({ code: LOGIN_THROTTLED });

    expect(await login(right, '127.0.0.2')).toMatchObject({ success: true });
    const { token } = warehouse.issueContainerToken({ user: 'JOB_OWNER', role: 'SYSADMIN', database: 'FLURRY', schema: 'PUBLIC', warehouse: 'COMPUTE_WH' });
    expect(await login({ AUTHENTICATOR: 'OAUTH', TOKEN: token })).toMatchObject({ success: true });
  });
});
