import 'server-only';
/**
 * How every server action runs, in one place, so none can forget a step: who is calling (a server
 * action is a public POST endpoint, whatever the UI shows), whether they may, whether the input is
 * valid, then the work, and an audit entry for what happened. Also the one place where a failed
 * action's error becomes what the user reads: field problems land on their field (`fieldErrors`,
 * keyed by the input's path); warehouse trouble is said plainly; anything unexpected is logged
 * here and reported without internals. Errors are told apart by name (lib/domain/error-kinds.ts):
 * the one thrown may come from another module graph's copy of its class.
 */
import { z } from 'zod';
import { recordAudit, type AuditAction, type AuditOutcome } from '@/lib/audit';
import { mayDo, type Caller, type Need } from '@/lib/auth/access';
import { currentCaller } from '@/lib/auth/caller';
import { readOnly, signInRequired } from '@/lib/auth/errors';
import { isAccessError, isInputError, isTaskSaveError, isWarehouseError, isWarehouseUnavailableError } from '@/lib/domain/error-kinds';
import { describeRefusal } from '@/lib/warehouse/errors';
import type { ActionResult } from './action-result';

type Failure = Extract<ActionResult<never>, { ok: false }>;

/** A form has a few dozen fields; a hostile POST can have a million bad elements. */
const MAX_FIELD_ERRORS = 20;

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const keys = new Set<string>();
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'input';
    keys.add(key);
    if (key in fields || keys.size <= MAX_FIELD_ERRORS) (fields[key] ??= []).push(issue.message);
  }
  const unnamed = keys.size - MAX_FIELD_ERRORS;
  if (unnamed > 0) fields.input = [...(fields.input ?? []), `…and ${unnamed} more field(s) with errors.`];
  return fields;
}

export function actionFailure(error: unknown): Failure {
  if (error instanceof z.ZodError) {
    const fieldErrors = fieldErrorsOf(error);
    const [first] = Object.entries(fieldErrors);
    return { ok: false, error: first ? `${first[0]}: ${first[1][0]}` : 'The input is not valid.', fieldErrors };
  }
  if (isAccessError(error)) return { ok: false, error: error.message };
  if (isInputError(error)) return { ok: false, error: error.message, fieldErrors: { [error.field]: [error.message] } };
  if (isTaskSaveError(error)) {
    const why = isWarehouseError(error.cause) ? describeRefusal(error.cause) : String((error.cause as Error)?.message ?? error.cause);
    const after = error.ran.length > 0 ? ` (after ${error.ran.length} statement(s) ran)` : '';
    return { ok: false, error: `${error.failed}${after}: ${why}` };
  }
  if (isWarehouseUnavailableError(error)) return { ok: false, error: error.message };
  if (isWarehouseError(error)) return { ok: false, error: describeRefusal(error) };
  console.error('[flurry] server action failed:', error);
  return { ok: false, error: 'The dashboard server failed to do this; its log says why.' };
}

/** Refused: the caller or the input was not accepted. Failed: the work was tried and did not succeed. */
function outcomeOf(error: unknown): Exclude<AuditOutcome, 'ok'> {
  return error instanceof z.ZodError || isInputError(error) || isAccessError(error) ? 'refused' : 'failed';
}

/** What an audit entry says a call was about. */
export interface AuditSubject {
  target: string;
  detail: string | null;
}

export function auditCall(caller: Caller, action: AuditAction, subject: AuditSubject, outcome: AuditOutcome, error: string | null): Promise<void> {
  return recordAudit({ actor: caller.name, access: caller.access, address: caller.address, action, ...subject, outcome, error });
}

export interface ActionSpec<S extends z.ZodType, T> {
  /** The audit log's name for it. */
  action: AuditAction;
  /** 'change' refuses a read-only caller; 'watch' lets any signed-in caller through. */
  access: Need;
  schema: S;
  /** What the call was about, for the audit log; `result` is null when it did not succeed. */
  audit: (parsed: z.output<S>, result: T | null) => AuditSubject;
}

const INVALID_INPUT: AuditSubject = { target: 'input not valid', detail: null };

/**
 * Runs `work` for `caller` when they may and `input` is valid, and records the attempt in the
 * audit log. A caller who is not signed in is refused without an entry: there is no one to name,
 * and strangers could otherwise fill the log.
 */
export async function runActionFor<S extends z.ZodType, T>(
  caller: Caller | null,
  spec: ActionSpec<S, T>,
  input: unknown,
  work: (parsed: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  if (caller === null) return actionFailure(signInRequired());
  const parsed = spec.schema.safeParse(input);
  const subject = (result: T | null) => (parsed.success ? spec.audit(parsed.data, result) : INVALID_INPUT);
  const fail = async (error: unknown): Promise<Failure> => {
    const failure = actionFailure(error);
    await auditCall(caller, spec.action, subject(null), outcomeOf(error), failure.error);
    return failure;
  };
  if (!mayDo(caller.access, spec.access)) return fail(readOnly());
  if (!parsed.success) return fail(parsed.error);
  let data: T;
  try {
    data = await work(parsed.data);
  } catch (error) {
    return fail(error);
  }
  await auditCall(caller, spec.action, subject(data), 'ok', null);
  return { ok: true, data };
}

/** runActionFor the caller of the current request. */
export async function runAction<S extends z.ZodType, T>(
  spec: ActionSpec<S, T>,
  input: unknown,
  work: (parsed: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  let caller: Caller | null;
  try {
    caller = await currentCaller();
  } catch (error) {
    return actionFailure(error);
  }
  return runActionFor(caller, spec, input, work);
}
