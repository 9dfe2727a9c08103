import { describe, expect, it } from 'vitest';
import { ProtocolError } from './errors';
import { DEFAULT_SESSION_PARAMETERS } from './session-parameters';
import { SessionStore } from './sessions';

const CONTEXT = { user: 'ALICE', role: 'ACCOUNTADMIN', database: 'FLURRY', schema: 'PUBLIC', warehouse: 'COMPUTE_WH', queryTag: '' };

function header(token: string): string {
  return `Snowflake Token="${token}"`;
}

function storeWithClock(start = 1_000_000) {
  const clock = { now: start };
  const store = new SessionStore({ validitySeconds: 10, masterValiditySeconds: 100, now: () => clock.now });
  return { store, clock };
}

function codeOf(run: () => unknown): { code: string; httpStatus: number } {
  try {
    run();
  } catch (error) {
    if (error instanceof ProtocolError) return { code: error.code, httpStatus: error.httpStatus };
    throw error;
  }
  throw new Error('expected a ProtocolError');
}

describe('SessionStore', () => {
  it('issues distinct tokens and increasing session ids', () => {
    const { store } = storeWithClock();
    const a = store.create(CONTEXT, DEFAULT_SESSION_PARAMETERS);
    const b = store.create(CONTEXT, DEFAULT_SESSION_PARAMETERS);
    expect(a.token).not.toBe(b.token);
    expect(a.token).not.toBe(a.masterToken);
    expect(b.context.sessionId).toBe(a.context.sessionId + 1);
    expect(store.authenticate(header(a.token))).toBe(a);
  });

  it('answers 390101 (HTTP 401) without a Snowflake token header, 390104 (HTTP 401) for an unknown token', () => {
    const { store } = storeWithClock();
    expect(codeOf(() => store.authenticate(undefined))).toEqual({ code: '390101', httpStatus: 401 });
    expect(codeOf(() => store.authenticate('Bearer abc'))).toEqual({ code: '390101', httpStatus: 401 });
    expect(codeOf(() => store.authenticate(header('never-issued')))).toEqual({ code: '390104', httpStatus: 401 });
  });

  it('expires the session token (390112), renews it with the master token, and retires the old one', () => {
    const { store, clock } = storeWithClock();
    const session = store.create(CONTEXT, DEFAULT_SESSION_PARAMETERS);
    const oldToken = session.token;
    clock.now += 10_000;
    expect(codeOf(() => store.authenticate(header(oldToken)))).toEqual({ code: '390112', httpStatus: 200 });
    // A session token is not a master token.
    expect(codeOf(() => store.renew(header(oldToken)))).toEqual({ code: '390104', httpStatus: 401 });
    const renewed = store.renew(header(session.masterToken));
    expect(renewed.token).not.toBe(oldToken);
    expect(store.authenticate(header(renewed.token)).context.sessionId).toBe(session.context.sessionId);
    expect(codeOf(() => store.authenticate(header(oldToken)))).toEqual({ code: '390104', httpStatus: 401 });
  });

  it('refuses renewal once the master token has expired (390114)', () => {
    const { store, clock } = storeWithClock();
    const session = store.create(CONTEXT, DEFAULT_SESSION_PARAMETERS);
    clock.now += 100_000;
    expect(codeOf(() => store.renew(header(session.masterToken)))).toEqual({ code: '390114', httpStatus: 200 });
  });

  it('answers 390111 for the tokens of a logged-out session', () => {
    const { store } = storeWithClock();
    const session = store.create(CONTEXT, DEFAULT_SESSION_PARAMETERS);
    store.close(session);
    expect(codeOf(() => store.authenticate(header(session.token)))).toEqual({ code: '390111', httpStatus: 200 });
    expect(codeOf(() => store.renew(header(session.masterToken)))).toEqual({ code: '390111', httpStatus: 200 });
  });

  it('forgets sessions whose master token has expired, at the next login after a sweep interval', () => {
    const { store, clock } = storeWithClock();
    const old = store.create(CONTEXT, DEFAULT_SESSION_PARAMETERS);
    clock.now += 100_000;
    store.create(CONTEXT, DEFAULT_SESSION_PARAMETERS);
    expect(codeOf(() => store.authenticate(header(old.token)))).toEqual({ code: '390104', httpStatus: 401 });
  });
});
