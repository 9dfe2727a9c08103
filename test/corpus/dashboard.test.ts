/**
 * Hostile job specs through the Launch form's server path (the job service action's schema, then
 * lib/jobs/launch-job-service.ts) with the dashboard's real registry and tracker against a local
 * warehouse: each is refused on the spec field, naming the YAML path and line or the limit, and
 * nothing is registered or submitted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionFailure } from '@/lib/actions/errors';
import { jobServiceLaunchSchema } from '@/lib/domain/job-service-form';
import { launchJobService } from '@/lib/jobs/launch-job-service';
import { startDashboardParts, type DashboardParts } from '../dashboard-parts';
import { badSpecs } from './job-specs';

let parts: DashboardParts;

const registered = async () => ({ jobs: await parts.registry.listJobs(), batches: await parts.registry.listBatches() });
let before: Awaited<ReturnType<typeof registered>>;

beforeAll(async () => {
  parts = await startDashboardParts();
  before = await registered();
});

afterAll(() => parts.close());

/** What the action answers: the schema's refusal, or the launch's. */
async function refusal(spec: string): Promise<{ error: string; fieldErrors?: Record<string, string[]> }> {
  const parsed = jobServiceLaunchSchema.safeParse({ computePool: 'CPU_S', name: 'corpus_job', replicas: 1, async: true, spec, label: 'corpus' });
  if (!parsed.success) return actionFailure(parsed.error);
  try {
    await launchJobService(parsed.data, { registry: parts.registry, tracker: parts.tracker });
  } catch (error) {
    return actionFailure(error);
  }
  throw new Error('the spec was launched');
}

describe(`specs through the Launch form's job service path (${badSpecs.length} cases)`, () => {
  it.each(badSpecs)('$name', async ({ input, expect: pattern }) => {
    const { error, fieldErrors } = await refusal(input);
    expect(error).toMatch(pattern);
    expect(Object.keys(fieldErrors ?? {})).toEqual(['spec']);
    expect(await registered()).toEqual(before);
  });
});
