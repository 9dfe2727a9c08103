import snowflake from 'snowflake-sdk';
import { describe, expect, it } from 'vitest';
import { settledOnOneSession } from './driver-errors';
import { WarehouseError, WarehouseUnavailableError } from './errors';

const rejected = (reason: unknown): PromiseRejectedResult => ({ status: 'rejected', reason });
const fulfilled = (value: string): PromiseFulfilledResult<string> => ({ status: 'fulfilled', value });

describe('a multi-call on one session', () => {
  it('fails as a whole when one of its calls met a dead session, so the pool retries it', () => {
    const expired = Object.assign(new Error('Authentication token has expired.'), { code: 390114 });
    expect(() => settledOnOneSession([fulfilled('q-1'), rejected(new Error('syntax error')), rejected(expired)])).toThrow(expired);
  });

  it('keeps each call’s own failure when the session lives, sorted into the two kinds', () => {
    const refused = Object.assign(new Error('SQL compilation error'), { code: '001003', sqlState: '42000' });
    const unreachable = Object.assign(new Error('connect ECONNREFUSED'), { code: snowflake.ErrorCode.ERR_SF_NETWORK_COULD_NOT_CONNECT });
    const [ok, refusal, down] = settledOnOneSession([fulfilled('q-1'), rejected(refused), rejected(unreachable)]);
    expect(ok).toEqual(fulfilled('q-1'));
    const reason = (refusal as PromiseRejectedResult).reason as WarehouseError;
    expect(reason).toBeInstanceOf(WarehouseError);
    expect([reason.message, reason.code, reason.sqlState]).toEqual(['SQL compilation error', '001003', '42000']);
    expect((down as PromiseRejectedResult).reason).toBeInstanceOf(WarehouseUnavailableError);
  });
});
