import 'server-only';
/**
 * Launching a job service from the Launch form: the spec is validated (errors by YAML path), the
 * EXECUTE JOB SERVICE statement built exactly as the form showed it, and the job registered and
 * submitted like any statement. The tracker then follows the job the statement starts.
 */
import type { ParsedJobServiceLaunch } from '@/lib/domain/job-service-form';
import type { LaunchResult } from '@/lib/domain/launch-result';
import { buildExecuteJobService } from '@/lib/domain/spcs/execute-job-service';
import { describeSpecError, validateSpec } from '@/lib/domain/spcs/spec';
import { InputError } from '@/lib/errors/request-errors';
import { jobServiceOf } from './job-service-statement';
import { launchJobs, type LaunchDeps } from './launch';

/** The statement the form's input runs; throws an InputError on the `spec` field when invalid. */
export function jobServiceStatement(input: ParsedJobServiceLaunch): string {
  const validation = validateSpec(input.spec);
  if (!validation.ok) throw new InputError('spec', validation.errors.map(describeSpecError).join('\n'));
  try {
    return buildExecuteJobService({ computePool: input.computePool, name: input.name, async: input.async, replicas: input.replicas, spec: input.spec });
  } catch (error) {
    throw new InputError('spec', error instanceof Error ? error.message : String(error));
  }
}

export async function launchJobService(input: ParsedJobServiceLaunch, deps: LaunchDeps): Promise<LaunchResult> {
  const sql = jobServiceStatement(input);
  // Read back from the statement, so the job's name is recorded as Snowflake resolves it.
  const statement = jobServiceOf(sql);
  const service = { name: statement?.name ?? input.name, computePool: input.computePool, spec: input.spec, replicas: input.replicas };
  return launchJobs({ label: input.label, mode: 'parallel', jobs: [{ sql, kind: 'job_service', service }] }, deps);
}
