import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from '@/lib/domain/validation/zod';
import { AccessError, readOnly, signInRequired, tooManyAttempts, wrongHost, type Refusal } from '@/lib/auth/errors';
import { WarehouseError, WarehouseUnavailableError } from '@/lib/warehouse/errors';
import { ERROR_STATUS } from './codes';
import { publicError } from './public-error';
import { InputError, JobNotFoundError, NoResultError, NoServiceError, TaskSaveError } from './request-errors';

afterEach(() => vi.restoreAllMocks());

const schema = z.object({ phase: z.enum(['queued', 'running'], 'must be queued or running'), limit: z.number('must be a number') });
const zodError = (value: unknown) => schema.safeParse(value).error as z.ZodError;

describe('the codes', () => {
  it('are the stable set clients may rely on, each with its HTTP status', () => {
    expect(ERROR_STATUS).toEqual({
      invalid_input: 400,
      unauthenticated: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      wrong_host: 421,
      rate_limited: 429,
      internal: 500,
      warehouse_error: 502,
      warehouse_unavailable: 503,
    });
  });

  it('give each refusal the status its AccessError names', () => {
    const refusals: Record<Refusal, AccessError> = {
      'sign-in': signInRequired(),
      'read-only': readOnly(),
      'too-many-attempts': tooManyAttempts(5_000, '10.0.0.5'),
      'wrong-host': wrongHost('No such host.'),
    };
    for (const error of Object.values(refusals)) expect(publicError(error, 'route').status, error.refusal).toBe(error.httpStatus);
  });
});

describe('publicError', () => {
  it('words schema problems by field for a form and in one line for query parameters', () => {
    const error = zodError({ phase: 'done', limit: 'many' });
    expect(publicError(error, 'action')).toEqual({
      code: 'invalid_input',
      status: 400,
      message: 'phase: must be queued or running',
      fieldErrors: { phase: ['must be queued or running'], limit: ['must be a number'] },
    });
    expect(publicError(error, 'route')).toEqual({ code: 'invalid_input', status: 400, message: 'phase: must be queued or running limit: must be a number' });
  });

  it('names five bad parameters and counts the rest, however many a request sends', () => {
    const many = z.array(z.number('must be a number')).safeParse(Array.from({ length: 100_000 }, () => 'x')).error as z.ZodError;
    const { message } = publicError(many, 'route');
    expect(message.match(/must be a number/g)).toHaveLength(5);
    expect(message).toMatch(/\(and 99,995 more\)$/);
  });

  it('marks the field an InputError names', () => {
    expect(publicError(new InputError('sql', 'Statement 2 is unclosed.'), 'action')).toEqual({
      code: 'invalid_input',
      status: 400,
      message: 'Statement 2 is unclosed.',
      fieldErrors: { sql: ['Statement 2 is unclosed.'] },
    });
  });

  it('tells each refusal by its code, with the headers its status calls for', () => {
    expect(publicError(signInRequired(), 'route')).toEqual({
      code: 'unauthenticated',
      status: 401,
      message: signInRequired().message,
      headers: { 'WWW-Authenticate': 'Bearer realm="flurry"' },
    });
    expect(publicError(readOnly(), 'action')).toMatchObject({ code: 'forbidden', status: 403, message: readOnly().message });
    expect(publicError(readOnly(), 'action').headers).toBeUndefined();
    expect(publicError(tooManyAttempts(61_500, '10.0.0.5'), 'route')).toMatchObject({ code: 'rate_limited', status: 429, headers: { 'Retry-After': '62' } });
    expect(publicError(wrongHost('This dashboard does not answer to the Host "evil.example".'), 'route')).toEqual({
      code: 'wrong_host',
      status: 421,
      message: 'This dashboard does not answer to the Host "evil.example".',
    });
  });

  it('tells an unknown job as not_found, and a job that cannot give what was asked as conflict', () => {
    expect(publicError(new JobNotFoundError('j-1'), 'route')).toEqual({ code: 'not_found', status: 404, message: 'No job has the id "j-1".' });
    expect(publicError(new NoResultError('The job is still running.'), 'route')).toEqual({ code: 'conflict', status: 409, message: 'The job is still running.' });
    expect(publicError(new NoServiceError('This job is a query.'), 'route')).toEqual({ code: 'conflict', status: 409, message: 'This job is a query.' });
  });

  it('tells the warehouse down apart from the warehouse refusing', () => {
    expect(publicError(new WarehouseUnavailableError('The warehouse did not answer: connect ECONNREFUSED'), 'route')).toEqual({
      code: 'warehouse_unavailable',
      status: 503,
      message: 'The warehouse did not answer: connect ECONNREFUSED',
    });
    expect(publicError(new WarehouseError('Object does not exist', '002003', '42S02'), 'action')).toEqual({
      code: 'warehouse_error',
      status: 502,
      message: 'The warehouse refused: Object does not exist (error 002003)',
    });
  });

  it('tells a failed task save as its cause, after the statement that failed', () => {
    const refused = new TaskSaveError(['CREATE TASK A …'], 'ALTER TASK A RESUME', new WarehouseError('Object does not exist', '002003', null));
    expect(publicError(refused, 'action')).toEqual({
      code: 'warehouse_error',
      status: 502,
      message: 'ALTER TASK A RESUME (after 1 statement(s) ran): The warehouse refused: Object does not exist (error 002003)',
    });
    const down = new TaskSaveError([], 'CREATE TASK A …', new WarehouseUnavailableError('The warehouse did not answer within 30 s.'));
    expect(publicError(down, 'action')).toMatchObject({ code: 'warehouse_unavailable', message: 'CREATE TASK A …: The warehouse did not answer within 30 s.' });
  });

  it('logs an unknown error and tells it as internal, without its message or stack', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const secret = new TypeError('secret internals at /srv/flurry/lib/x.ts:12');
    const action = publicError(secret, 'action');
    const route = publicError(secret, 'route');
    expect(action).toEqual({ code: 'internal', status: 500, message: 'The dashboard server failed to do this; its log says why.' });
    expect(route).toEqual({ code: 'internal', status: 500, message: 'The dashboard server failed to answer; its log says why.' });
    expect(logged.mock.calls).toEqual([
      ['[flurry] server action failed:', secret],
      ['[flurry] route failed:', secret],
    ]);
    expect(publicError('a thrown string', 'route').code).toBe('internal');
    expect(publicError(null, 'route').code).toBe('internal');
  });

  it('does not leak the cause of a failed task save that it does not know', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failed = publicError(new TaskSaveError([], 'CREATE TASK A …', new RangeError('secret internals')), 'action');
    expect(failed).toMatchObject({ code: 'internal', message: 'CREATE TASK A …: The dashboard server failed to do this; its log says why.' });
    expect(logged).toHaveBeenCalledOnce();
  });
});

describe('publicError, for errors made by another module graph\u2019s copy of their class', () => {
  // Next.js bundles server actions, route handlers and the shared singletons separately; a fresh
  // module registry gives each error module a second copy, as a second bundle has.
  const otherGraph = async () => {
    vi.resetModules();
    const [auth, requests, warehouse] = await Promise.all([
      import('@/lib/auth/errors'),
      import('./request-errors'),
      import('@/lib/warehouse/errors'),
    ]);
    return { auth, requests, warehouse };
  };

  it('recognises each error by its name, not its class, and logs nothing', async () => {
    const other = await otherGraph();
    const notFound = new other.requests.JobNotFoundError('j-2');
    expect(notFound).not.toBeInstanceOf(JobNotFoundError);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const codes = [
      other.auth.tooManyAttempts(30_000, '10.0.0.5'),
      other.auth.readOnly(),
      new other.requests.InputError('sql', 'Statement 1 is unclosed.'),
      notFound,
      new other.requests.NoResultError('The job failed.'),
      new other.warehouse.WarehouseUnavailableError('The warehouse did not answer.'),
      new other.warehouse.WarehouseError('Object does not exist', '002003', null),
      new other.requests.TaskSaveError([], 'CREATE TASK A …', new other.warehouse.WarehouseError('Object does not exist', '002003', null)),
    ].map((error) => publicError(error, 'route').code);
    expect(codes).toEqual(['rate_limited', 'forbidden', 'invalid_input', 'not_found', 'conflict', 'warehouse_unavailable', 'warehouse_error', 'warehouse_error']);
    expect(logged).not.toHaveBeenCalled();
  });

  it('knows an error by its name alone, whatever made it', () => {
    const plain = { name: 'NoServiceError', message: 'The warehouse has not listed this job service yet.' };
    expect(publicError(plain, 'route')).toEqual({ code: 'conflict', status: 409, message: plain.message });
  });
});
