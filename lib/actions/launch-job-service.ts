'use server';
/** Launches the Launch form's job service: one EXECUTE JOB SERVICE statement, watched as a job. */
import { jobServiceLaunchSchema, type JobServiceLaunchInput } from '@/lib/domain/job-service-form';
import type { LaunchResult } from '@/lib/domain/launch-result';
import { launchJobService as launch } from '@/lib/jobs';
import type { ActionResult } from './action-result';
import { runAction } from './errors';

export async function launchJobService(input: JobServiceLaunchInput): Promise<ActionResult<LaunchResult>> {
  return runAction(
    {
      action: 'launch-job-service',
      access: 'change',
      schema: jobServiceLaunchSchema,
      audit: ({ computePool, name, replicas, spec }, result) => ({
        target: `job service ${name ?? '(named by the warehouse)'} in compute pool ${computePool}, ${replicas} replica(s)${result ? `, job ${result.jobIds[0]}` : ''}`,
        detail: spec,
      }),
    },
    input,
    launch,
  );
}
