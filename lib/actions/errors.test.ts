import { describe, expect, it, vi } from 'vitest';
import { z } from '@/lib/domain/validation/zod';
import { listAudit } from '@/lib/audit';
import { READ_ONLY_REFUSAL, type Caller } from '@/lib/domain/access';
import { AccessError, readOnly, tooManyAttempts } from '@/lib/auth/errors';
import { launchInputSchema } from '@/lib/domain/launch-input';
import { InputError } from '@/lib/errors/request-errors';
import { WarehouseError, WarehouseUnavailableError } from '@/lib/warehouse/errors';
import { useSharedRegistryIn } from '@/test/shared-registry';
import { actionFailure, runActionFor, type ActionSpec } from './errors';

// The audit entries go to a real registry in a data folder of this file's own.
useSharedRegistryIn('flurry-actions-');

const ANA: Caller = { name: 'Ana', access: 'full', address: '10.0.0.7' };
const VIEWER: Caller = { name: 'Viewer', access: 'read-only', address: '10.0.0.8' };

const launchSpec: ActionSpec<typeof launchInputSchema, string> = {
  action: 'launch-batch',
  access: 'change',
  schema: launchInputSchema,
  audit: ({ sql }, result) => ({ target: result ? `batch ${result}` : 'a batch', detail: sql }),
};

const newest = async () => (await listAudit({ limit: 1 }))[0];

describe('runActionFor', () => {
  it('hands the parsed input to the work, wraps its answer and records who did it', async () => {
    const result = await runActionFor(ANA, launchSpec, { sql: 'SELECT 1', mode: 'parallel', label: '  ' }, async (input) => {
      expect(input.label).toBeNull();
      return 'b-1';
    });
    expect(result).toEqual({ ok: true, data: 'b-1' });
    expect(await newest()).toMatchObject({
      actor: 'Ana',
      access: 'full',
      address: '10.0.0.7',
      action: 'launch-batch',
      target: 'batch b-1',
      detail: 'SELECT 1',
      outcome: 'ok',
      error: null,
    });
  });

  it('puts schema problems on their fields, by path, and records the refusal', async () => {
    const work = vi.fn(async () => 'ran');
    const result = await runActionFor(ANA, launchSpec, { sql: '   ', mode: 'both', label: 'x'.repeat(300) }, work);
    expect(work).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      sql: ['Write at least one SQL statement.'],
      mode: [expect.any(String)],
      label: ['A label is at most 200 characters.'],
    });
    expect(result.error).toBe('sql: Write at least one SQL statement.');
    expect(await newest()).toMatchObject({ actor: 'Ana', target: 'input not valid', outcome: 'refused', error: 'sql: Write at least one SQL statement.' });
  });

  it('refuses a read-only caller before any work, naming the target in the log', async () => {
    const work = vi.fn(async () => 'ran');
    const result = await runActionFor(VIEWER, launchSpec, { sql: 'DROP TABLE T', mode: 'parallel' }, work);
    expect(work).not.toHaveBeenCalled();
    expect(result).toEqual({ ok: false, code: 'forbidden', error: READ_ONLY_REFUSAL });
    expect(await newest()).toMatchObject({ actor: 'Viewer', access: 'read-only', target: 'a batch', detail: 'DROP TABLE T', outcome: 'refused' });
  });

  it('lets a read-only caller do what only needs watching', async () => {
    const spec = { ...launchSpec, action: 'sign-out', access: 'watch' } as const;
    expect(await runActionFor(VIEWER, spec, { sql: 'SELECT 1', mode: 'parallel' }, async () => 'ok')).toEqual({ ok: true, data: 'ok' });
  });

  it('refuses a caller who has not signed in, without an entry no one could be named in', async () => {
    const before = await newest();
    const work = vi.fn(async () => 'ran');
    const result = await runActionFor(null, launchSpec, { sql: 'SELECT 1', mode: 'parallel' }, work);
    expect(work).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^Sign in first/);
    expect(await newest()).toEqual(before);
  });

  it('records a failure of the work as failed, and bad input the work found as refused', async () => {
    await runActionFor(ANA, launchSpec, { sql: 'SELECT 1', mode: 'parallel' }, async () => {
      throw new WarehouseUnavailableError('The warehouse did not answer: connect ECONNREFUSED');
    });
    expect(await newest()).toMatchObject({ outcome: 'failed', error: 'The warehouse did not answer: connect ECONNREFUSED' });
    await runActionFor(ANA, launchSpec, { sql: 'SELECT 1', mode: 'parallel' }, async () => {
      throw new InputError('sql', 'Statement 1 is unclosed.');
    });
    expect(await newest()).toMatchObject({ outcome: 'refused', error: 'Statement 1 is unclosed.' });
  });
});

describe('actionFailure', () => {
  it('keys nested fields by their dotted path', () => {
    const schema = z.object({ jobIds: z.array(z.uuid('A job id is a UUID.')) });
    const failure = actionFailure(schema.safeParse({ jobIds: ['nope'] }).error);
    expect(failure.fieldErrors).toEqual({ 'jobIds.0': ['A job id is a UUID.'] });
  });

  it('names the first 20 bad fields and counts the rest, however many a POST sends', () => {
    const schema = z.object({ jobIds: z.array(z.uuid('A job id is a UUID.')) });
    const failure = actionFailure(schema.safeParse({ jobIds: Array.from({ length: 50_000 }, () => 'nope') }).error);
    const keys = Object.keys(failure.fieldErrors ?? {});
    expect(keys).toHaveLength(21);
    expect(keys.slice(0, 2)).toEqual(['jobIds.0', 'jobIds.1']);
    expect(failure.fieldErrors?.input).toEqual(['…and 49980 more field(s) with errors.']);
  });

  it('marks the field an InputError names', () => {
    expect(actionFailure(new InputError('sql', 'Statement 2 is unclosed.'))).toEqual({
      ok: false,
      code: 'invalid_input',
      error: 'Statement 2 is unclosed.',
      fieldErrors: { sql: ['Statement 2 is unclosed.'] },
    });
  });

  it('says why a caller was turned away', () => {
    expect(actionFailure(readOnly())).toEqual({ ok: false, code: 'forbidden', error: READ_ONLY_REFUSAL });
    expect(actionFailure(tooManyAttempts(61_500, '10.0.0.5')).error).toBe(
      'Too many wrong access tokens from 10.0.0.5: wrong ones are turned away for the next 62 s (the right token is still accepted).',
    );
  });

  it('says plainly when the warehouse is down or refuses', () => {
    expect(actionFailure(new WarehouseUnavailableError('The warehouse did not answer: connect ECONNREFUSED'))).toEqual({
      ok: false,
      code: 'warehouse_unavailable',
      error: 'The warehouse did not answer: connect ECONNREFUSED',
    });
    expect(actionFailure(new WarehouseError('Object does not exist', '002003', '42S02')).error).toBe(
      'The warehouse refused: Object does not exist (error 002003)',
    );
  });

  it('logs an unexpected error and does not leak its details', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = actionFailure(new TypeError('secret internals'));
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(failure.error).not.toContain('secret');
  });
});

describe('actionFailure, for errors made by another module graph\u2019s copy of their class', () => {
  // Next.js bundles server actions, route handlers and the shared singletons separately; a fresh
  // module registry gives each error module a second copy, as a second bundle has.
  const otherGraph = async () => {
    vi.resetModules();
    const [auth, requests, warehouse] = await Promise.all([
      import('@/lib/auth/errors'),
      import('@/lib/errors/request-errors'),
      import('@/lib/warehouse/errors'),
    ]);
    return { auth, requests, warehouse };
  };

  it('says the real reason, and logs nothing, for a refusal, a missing task, the warehouse down and bad input', async () => {
    const other = await otherGraph();
    const lockedOut = other.auth.tooManyAttempts(30_000, '10.0.0.5');
    expect(lockedOut).not.toBeInstanceOf(AccessError);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(actionFailure(lockedOut).error).toBe(lockedOut.message);
    expect(actionFailure(new other.warehouse.WarehouseError("Task 'NOPE' does not exist or not authorized.", '002003', '02000')).error).toBe(
      "The warehouse refused: Task 'NOPE' does not exist or not authorized. (error 002003)",
    );
    expect(actionFailure(new other.warehouse.WarehouseUnavailableError('The warehouse did not answer: connect ECONNREFUSED')).error).toBe(
      'The warehouse did not answer: connect ECONNREFUSED',
    );
    const failedSave = new other.requests.TaskSaveError(['CREATE TASK A …'], 'ALTER TASK A RESUME', new other.warehouse.WarehouseError('Object does not exist', '002003', null));
    expect(actionFailure(failedSave).error).toBe('ALTER TASK A RESUME (after 1 statement(s) ran): The warehouse refused: Object does not exist (error 002003)');
    expect(actionFailure(new other.requests.InputError('sql', 'Statement 1 is unclosed.'))).toEqual({
      ok: false,
      code: 'invalid_input',
      error: 'Statement 1 is unclosed.',
      fieldErrors: { sql: ['Statement 1 is unclosed.'] },
    });
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('knows an error by its name alone, whatever made it', () => {
    const plain = { name: 'WarehouseUnavailableError', message: 'The warehouse did not answer within 30 s.' };
    expect(actionFailure(plain).error).toBe('The warehouse did not answer within 30 s.');
  });

  it('records another copy\u2019s refusal as refused, not failed', async () => {
    const other = await otherGraph();
    await runActionFor(ANA, launchSpec, { sql: 'SELECT 1', mode: 'parallel' }, async () => {
      throw new other.requests.InputError('sql', 'Statement 1 is unclosed.');
    });
    expect(await newest()).toMatchObject({ outcome: 'refused', error: 'Statement 1 is unclosed.' });
  });
});
