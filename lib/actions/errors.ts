import 'server-only';
/**
 * How every server action runs, in one place, so none can forget a step: who is calling (a server
 * action is a public POST endpoint, whatever the UI shows), whether they may, whether the input is
 * valid, then the work, and an audit entry for what happened. A failed action's error becomes
 * what the user reads through the one mapping of lib/errors/public-error.ts: a stable code, field
 * problems on their field (`fieldErrors`, keyed by the input's path), warehouse trouble said
 * plainly, anything unexpected logged and reported without internals.
 */
import type { z } from 'zod';
import { recordAudit, type AuditAction, type AuditOutcome } from '@/lib/audit';
import { mayDo, type Caller, type Need } from '@/lib/domain/access';
import { currentCaller } from '@/lib/auth/caller';
import { readOnly, signInRequired } from '@/lib/auth/errors';
import type { ErrorCode } from '@/lib/errors/codes';
import { publicError } from '@/lib/errors/public-error';
import type { ActionResult } from './action-result';

type Failure = Extract<ActionResult<never>, { ok: false }> & { code: ErrorCode };

export function actionFailure(error: unknown): Failure {
  const { code, message, fieldErrors } = publicError(error, 'action');
  return fieldErrors ? { ok: false, code, error: message, fieldErrors } : { ok: false, code, error: message };
}

/** The caller or the input was not accepted; any other code means the work was tried and did not succeed. */
const REFUSED: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['invalid_input', 'unauthenticated', 'forbidden', 'rate_limited', 'wrong_host']);

function outcomeOf(failure: Failure): Exclude<AuditOutcome, 'ok'> {
  return REFUSED.has(failure.code) ? 'refused' : 'failed';
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
    await auditCall(caller, spec.action, subject(null), outcomeOf(failure), failure.error);
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
