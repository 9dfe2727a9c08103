import { describe, expect, it } from 'vitest';
import type { QueryRecord } from '../engine/types';
import { followStatement } from './session-context';
import { SessionStore } from './sessions';

const where = { database: 'FLURRY', schema: 'PUBLIC', warehouse: 'WH', role: 'R' };

function newSession() {
  return new SessionStore().create({ user: 'U', queryTag: '', ...where }, {});
}

function record(sessionId: number, queuedAt: number, final: Partial<QueryRecord['final']>, status: QueryRecord['status'] = 'SUCCESS'): QueryRecord {
  return {
    id: `q${queuedAt}`, requestId: null, sessionId, user: 'U', queryTag: '', ...where, sqlText: 'use …', queryType: 'USE',
    status, queuedAt, startedAt: queuedAt, endedAt: queuedAt, error: null, rowCount: 1, final: { ...where, ...final },
    childQueryIds: [],
  };
}

describe('followStatement', () => {
  it('moves the session to where a successful USE of its own left it', () => {
    const session = newSession();
    followStatement(session, record(session.context.sessionId, 10, { database: 'D', schema: 'S' }, 'FAILED_WITH_ERROR'));
    followStatement(session, record(session.context.sessionId + 1, 10, { database: 'OTHER' }));
    expect(session.context).toMatchObject(where);
    followStatement(session, record(session.context.sessionId, 10, { database: 'D', schema: 'S' }));
    expect(session.context).toMatchObject({ database: 'D', schema: 'S', warehouse: 'WH' });
  });

  it('never lets a result fetched late undo a newer USE', () => {
    const session = newSession();
    followStatement(session, record(session.context.sessionId, 20, { warehouse: 'NEWER' }));
    followStatement(session, record(session.context.sessionId, 10, { warehouse: 'OLDER' }));
    expect(session.context.warehouse).toBe('NEWER');
  });

  it('follows a multi-statement request, even a failed one, and not its statements fetched after it', () => {
    const session = newSession();
    const parent = { ...record(session.context.sessionId, 10, { database: 'D', queryTag: 'tagged' }, 'FAILED_WITH_ERROR'), endedAt: 30 };
    followStatement(session, { ...parent, queryType: 'MULTI_STATEMENT', childQueryIds: ['c1', 'c2'] });
    expect(session.context).toMatchObject({ database: 'D', queryTag: 'tagged' });
    followStatement(session, record(session.context.sessionId, 20, { database: 'CHILD_1' }));
    expect(session.context.database).toBe('D');
  });

  it('takes the variables and parameters a SET or ALTER SESSION of its own left, and keeps them until the next change', () => {
    const session = newSession();
    const variable = { type: 'fixed' as const, value: '1', createdAt: 10, updatedAt: 10 };
    followStatement(session, record(session.context.sessionId, 10, { variables: { X: variable } }));
    followStatement(session, record(session.context.sessionId, 20, { parameters: { TIMEZONE: 'Asia/Kolkata' } }));
    followStatement(session, record(session.context.sessionId, 30, { database: 'D' }));
    expect(session.variables).toEqual({ X: variable });
    expect(session.parameters).toEqual({ TIMEZONE: 'Asia/Kolkata' });
    expect(session.context).not.toHaveProperty('variables');
    followStatement(session, record(session.context.sessionId, 40, { variables: {} }, 'FAILED_WITH_ERROR'));
    expect(session.variables).toEqual({ X: variable });
  });
});
