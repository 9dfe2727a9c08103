/**
 * The two ways a ZodError is told to the client: by field, for a form to mark each one (server
 * actions), and in one line naming each bad query parameter (routes). Both are capped: a hostile
 * request can carry a million bad values, and the answer must stay small.
 */
import type { z } from 'zod';

/** A form has a few dozen fields; a hostile POST can have a million bad elements. */
const MAX_FIELD_ERRORS = 20;

/** Problems keyed by the input's dotted path (`jobIds.0`); past 20 fields, a count under `input`. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
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

/** Problems named one by one; past these, a count (100,000 bad values must not make a message of megabytes). */
const MAX_NAMED_PROBLEMS = 5;

/** One line naming each bad parameter, e.g. `phase: "done" is not a phase; use queued, …`. */
export function describeParamErrors(error: z.ZodError): string {
  const named = error.issues
    .slice(0, MAX_NAMED_PROBLEMS)
    .map((issue) => `${issue.path.filter((part) => typeof part === 'string').join('.')}: ${issue.message}`);
  const more = error.issues.length - named.length;
  return [...named, ...(more > 0 ? [`(and ${more.toLocaleString('en-US')} more)`] : [])].join(' ');
}
