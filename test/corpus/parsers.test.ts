/**
 * The corpus through the dashboard's pure parsers and validators, as the forms and server actions
 * run them: schedules (parseSchedule), specs (validateSpec, in bounded time), the zod schemas of
 * the server actions (worded by actionFailure, as the actions word them) and the jobs routes' query
 * parameters. Each refusal names the field or value; none touches Object.prototype.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { z } from '@/lib/domain/validation/zod';
import { actionFailure } from '@/lib/actions/errors';
import { describeSpecError, validateSpec } from '@/lib/domain/spcs/spec';
import { parseSchedule, ScheduleParseError } from '@/lib/domain/tasks/schedule';
import { describeParamErrors } from '@/lib/domain/validation/zod-problems';
import { badActionInputs, badRouteParams } from './dashboard-inputs';
import { badSpecs } from './job-specs';
import { badSchedules } from './schedules';

afterAll(() => {
  // The prototype keys in the corpus must stay data.
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe(`schedules in parseSchedule (${badSchedules.length} cases)`, () => {
  it.each(badSchedules)('$name', ({ input, expect: pattern }) => {
    expect(() => parseSchedule(input)).toThrow(ScheduleParseError);
    expect(() => parseSchedule(input)).toThrow(pattern);
  });
});

describe(`specs in validateSpec (${badSpecs.length} cases)`, () => {
  it.each(badSpecs)('$name', ({ input, expect: pattern }) => {
    const started = performance.now();
    const validation = validateSpec(input);
    // Bounded by the size, depth and alias caps: a hostile spec costs at most a parse of 256 KiB.
    expect(performance.now() - started).toBeLessThan(5_000);
    if (validation.ok) throw new Error('the spec was accepted');
    expect(validation.errors.map(describeSpecError).join('\n')).toMatch(pattern);
  });
});

describe(`server action inputs (${badActionInputs.length} cases)`, () => {
  it.each(badActionInputs)('$name', ({ input, expect: pattern }) => {
    const parsed = input.schema.safeParse(input.value);
    if (parsed.success) throw new Error('the input was accepted');
    const result = actionFailure(parsed.error);
    expect(result.error).toMatch(pattern);
    expect(Object.keys(result.fieldErrors ?? {})).toContain(result.error.slice(0, result.error.indexOf(':')));
  });
});

describe(`jobs route parameters (${badRouteParams.length} cases)`, () => {
  it.each(badRouteParams)('$name', ({ input, expect: pattern }) => {
    let error: unknown;
    try {
      input.parse(new URLSearchParams(input.query));
    } catch (caught) {
      error = caught;
    }
    if (!(error instanceof z.ZodError)) throw new Error(`expected a ZodError, got ${String(error)}`);
    expect(describeParamErrors(error)).toMatch(pattern);
  });
});
