import { describe, expect, it } from 'vitest';
import { jobServiceLaunchSchema } from '@/lib/domain/job-service-form';
import { parseExecuteJobService } from '@/lib/domain/spcs/execute-job-service';
import { InputError } from '@/lib/errors/request-errors';
import { jobServiceStatement } from './launch-job-service';

const launch = (spec: string) => jobServiceLaunchSchema.parse({ computePool: 'CPU_S', name: 'e2e_job', replicas: 2, async: true, spec });

function refusal(spec: string): InputError {
  try {
    jobServiceStatement(launch(spec));
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected the spec to be refused');
}

describe('jobServiceStatement', () => {
  it('builds the statement the form showed, from a valid spec', () => {
    const sql = jobServiceStatement(launch('spec:\n  containers:\n  - name: main\n    image: flurry_test\n    args: ["--sleep", "1"]\n'));
    expect(parseExecuteJobService(sql)).toMatchObject({ computePool: 'CPU_S', async: true, replicas: 2, name: { name: 'E2E_JOB' } });
  });

  it('refuses an invalid spec on the spec field, naming the YAML path and line of each problem', () => {
    const error = refusal('spec:\n  containers:\n  - name: main\n    image: flurry_test\n    resources:\n      requests:\n        memory: lots\n');
    expect(error.field).toBe('spec');
    expect(error.message).toMatch(/^spec\.containers\[0\]\.resources\.requests\.memory \(line 7\): /);
  });

  it('refuses a spec the $$ block cannot hold', () => {
    expect(refusal('spec:\n  containers:\n  - name: main\n    image: flurry_test\n    args: ["$$"]\n').message).toContain('$$');
  });
});
