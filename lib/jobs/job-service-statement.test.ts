import { describe, expect, it } from 'vitest';
import { jobServiceOf } from './job-service-statement';

const SPEC = 'spec:\n  containers:\n  - name: main\n    image: flurry_test\n';

describe('jobServiceOf', () => {
  it('reads the pool, name, replicas and spec of a pasted EXECUTE JOB SERVICE', () => {
    const sql = `EXECUTE JOB SERVICE IN COMPUTE POOL cpu_s NAME = flurry.public.summaries ASYNC = TRUE REPLICAS = 3 FROM SPECIFICATION $$\n${SPEC}$$`;
    expect(jobServiceOf(sql)).toEqual({ name: 'FLURRY.PUBLIC.SUMMARIES', computePool: 'CPU_S', spec: `\n${SPEC}`, replicas: 3 });
  });

  it('leaves the name to Snowflake when the statement gives none', () => {
    expect(jobServiceOf(`EXECUTE JOB SERVICE IN COMPUTE POOL CPU_S ASYNC = TRUE FROM SPECIFICATION $$${SPEC}$$`)).toMatchObject({ name: null, replicas: 1 });
  });

  it('is null for other statements and for ones that do not parse, which then run as queries', () => {
    expect(jobServiceOf('SELECT 1')).toBeNull();
    expect(jobServiceOf('EXECUTE JOB SERVICE IN COMPUTE POOL')).toBeNull();
  });
});
