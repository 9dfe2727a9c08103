import 'server-only';
/**
 * The one place where a failed server action's error becomes what the user reads. Field
 * problems land on their field (`fieldErrors`, keyed by the input's path); warehouse trouble
 * is said plainly; anything unexpected is logged here and reported without internals.
 */
import { z } from 'zod';
import { InputError } from '@/lib/jobs/input-error';
import { TaskSaveError } from '@/lib/tasks';
import { describeRefusal, WarehouseError, WarehouseUnavailableError } from '@/lib/warehouse/errors';
import type { ActionResult } from './action-result';

type Failure = Extract<ActionResult<never>, { ok: false }>;

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'input';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function actionFailure(error: unknown): Failure {
  if (error instanceof z.ZodError) {
    const fieldErrors = fieldErrorsOf(error);
    const [first] = Object.entries(fieldErrors);
    return { ok: false, error: first ? `${first[0]}: ${first[1][0]}` : 'The input is not valid.', fieldErrors };
  }
  if (error instanceof InputError) return { ok: false, error: error.message, fieldErrors: { [error.field]: [error.message] } };
  if (error instanceof TaskSaveError) {
    const why = error.cause instanceof WarehouseError ? describeRefusal(error.cause) : String((error.cause as Error)?.message ?? error.cause);
    const after = error.ran.length > 0 ? ` (after ${error.ran.length} statement(s) ran)` : '';
    return { ok: false, error: `${error.failed}${after}: ${why}` };
  }
  if (error instanceof WarehouseUnavailableError) return { ok: false, error: error.message };
  if (error instanceof WarehouseError) return { ok: false, error: describeRefusal(error) };
  console.error('[flurry] server action failed:', error);
  return { ok: false, error: 'The dashboard server failed to do this; its log says why.' };
}

/** Validates `input` with `schema`, runs `work` on the result, and returns an ActionResult. */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  work: (parsed: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work(schema.parse(input)) };
  } catch (error) {
    return actionFailure(error);
  }
}
