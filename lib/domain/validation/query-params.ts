/**
 * Reading and validating URL query parameters with zod, shared by every route that takes them
 * (the jobs routes, the CSV download, the audit log), so a bad value is worded the same way
 * everywhere: what was given, and what would be accepted.
 */
import { z } from '@/lib/domain/validation/zod';

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

/** One of `values`; a bad one is named with the values that would do, e.g. `"done" is not a phase; use queued, …`. */
export const oneOf = (what: string, values: readonly string[]) =>
  z.enum(values as [string, ...string[]], {
    error: (issue) => `"${String(issue.input)}" is not ${article(what)} ${what}; use ${values.join(', ')}.`,
  });

/** A whole number from 1 to `max`, from its text. */
export const wholeNumber = (max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`);

/** Every value of a list parameter: repeated (`phase=a&phase=b`, as the pages send them) or comma-separated (`phase=a,b`, handy by hand). */
export function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

/** A parameter's trimmed value; absent or blank reads as undefined. */
export function single(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim();
  return value ? value : undefined;
}
