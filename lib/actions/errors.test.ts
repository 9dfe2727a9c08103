import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { launchInputSchema } from '@/lib/domain/launch-input';
import { InputError } from '@/lib/jobs/input-error';
import { WarehouseError, WarehouseUnavailableError } from '@/lib/warehouse/errors';
import { actionFailure, runAction } from './errors';

describe('runAction', () => {
  it('hands the parsed input to the work and wraps its answer', async () => {
    const result = await runAction(launchInputSchema, { sql: 'SELECT 1', mode: 'parallel', label: '  ' }, async (input) => input.label);
    expect(result).toEqual({ ok: true, data: null });
  });

  it('puts schema problems on their fields, by path', async () => {
    const result = await runAction(launchInputSchema, { sql: '   ', mode: 'both', label: 'x'.repeat(300) }, async () => 'ran');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      sql: ['Write at least one SQL statement.'],
      mode: [expect.any(String)],
      label: ['A label is at most 200 characters.'],
    });
    expect(result.error).toBe('sql: Write at least one SQL statement.');
  });

  it('keys nested fields by their dotted path', () => {
    const schema = z.object({ jobIds: z.array(z.uuid('A job id is a UUID.')) });
    const failure = actionFailure(schema.safeParse({ jobIds: ['nope'] }).error);
    expect(failure.fieldErrors).toEqual({ 'jobIds.0': ['A job id is a UUID.'] });
  });
});

describe('actionFailure', () => {
  it('marks the field an InputError names', () => {
    expect(actionFailure(new InputError('sql', 'Statement 2 is unclosed.'))).toEqual({
      ok: false,
      error: 'Statement 2 is unclosed.',
      fieldErrors: { sql: ['Statement 2 is unclosed.'] },
    });
  });

  it('says plainly when the warehouse is down or refuses', () => {
    expect(actionFailure(new WarehouseUnavailableError('The warehouse did not answer: connect ECONNREFUSED'))).toEqual({
      ok: false,
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
