import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildExecuteJobService, parseExecuteJobService } from './spcs/execute-job-service';
import { containerProblems, EMPTY_CONTAINER, fieldsFromSpec, jobServiceLaunchSchema, specYaml, type ContainerFields } from './job-service-form';

const fields: ContainerFields = {
  image: '/flurry/public/images/flurry_test:latest',
  args: '--sleep\n2\n--lines\n5\n',
  env: 'GREETING=hello world\nMODE=a=b',
  cpu: '0.5',
  memory: '512Mi',
};

describe('specYaml', () => {
  it('writes one container named main with args, env and requests equal to limits', () => {
    expect(parse(specYaml(fields))).toEqual({
      spec: {
        containers: [
          {
            name: 'main',
            image: '/flurry/public/images/flurry_test:latest',
            args: ['--sleep', '2', '--lines', '5'],
            env: { GREETING: 'hello world', MODE: 'a=b' },
            resources: { requests: { cpu: 0.5, memory: '512Mi' }, limits: { cpu: 0.5, memory: '512Mi' } },
          },
        ],
      },
    });
  });

  it('leaves out what the form leaves empty', () => {
    expect(parse(specYaml({ ...EMPTY_CONTAINER, image: 'flurry_test' }))).toEqual({ spec: { containers: [{ name: 'main', image: 'flurry_test' }] } });
  });

  it('becomes the exact statement the form shows, which parses back to the same job', () => {
    const launch = jobServiceLaunchSchema.parse({ computePool: 'CPU_S', name: 'nightly_job', replicas: '2', async: true, spec: specYaml(fields) });
    const sql = buildExecuteJobService({ ...launch, spec: launch.spec });
    const parsed = parseExecuteJobService(sql);
    expect(parsed).toMatchObject({ computePool: 'CPU_S', async: true, replicas: 2, name: { name: 'NIGHTLY_JOB' } });
    expect(parsed.spec.kind).toBe('inline');
    expect(parse(parsed.spec.kind === 'inline' ? parsed.spec.text : '')).toEqual(parse(specYaml(fields)));
  });
});

describe('containerProblems', () => {
  it('names each field that cannot become a spec', () => {
    expect(containerProblems({ image: ' ', args: '', env: 'OK=1\nnot a pair', cpu: '0', memory: '512' })).toEqual({
      image: 'Name the image to run, e.g. /db/schema/repo/my_image:latest.',
      env: '"not a pair" is not KEY=value (a name of letters, digits and _, then =).',
      cpu: 'CPU is a number of cores above 0, e.g. 0.5, 2 or 500m.',
      memory: 'Memory needs a unit, e.g. 512Mi or 2Gi.',
    });
    expect(containerProblems(fields)).toEqual({});
  });
});

describe('fieldsFromSpec', () => {
  it('gives back the fields of YAML they wrote, whatever the key order', () => {
    expect(fieldsFromSpec(specYaml(fields))).toEqual({ ...fields, args: '--sleep\n2\n--lines\n5' });
    expect(fieldsFromSpec('spec:\n  containers:\n  - image: flurry_test\n    name: main\n')).toEqual({ ...EMPTY_CONTAINER, image: 'flurry_test' });
  });

  it('returns null for YAML that says more than the fields can, or does not parse', () => {
    const withCommand = 'spec:\n  containers:\n  - name: main\n    image: x\n    command: [python]\n';
    const twoContainers = 'spec:\n  containers:\n  - {name: main, image: x}\n  - {name: side, image: y}\n';
    const otherName = 'spec:\n  containers:\n  - {name: worker, image: x}\n';
    const limitsDiffer = 'spec:\n  containers:\n  - name: main\n    image: x\n    resources: {requests: {cpu: 1}, limits: {cpu: 2}}\n';
    for (const yaml of [withCommand, twoContainers, otherName, limitsDiffer, 'spec: [', 'spec:\n  container:\n    name: main\n    image: x\n']) {
      expect(fieldsFromSpec(yaml)).toBeNull();
    }
  });
});

describe('jobServiceLaunchSchema', () => {
  it('turns an empty name and label into null, and refuses what Snowflake would', () => {
    expect(jobServiceLaunchSchema.parse({ computePool: ' CPU_S ', name: '', replicas: 1, async: false, spec: 'x', label: ' ' })).toEqual({
      computePool: 'CPU_S',
      name: null,
      replicas: 1,
      async: false,
      spec: 'x',
      label: null,
    });
    const refused = jobServiceLaunchSchema.safeParse({ computePool: '', name: '"quoted"', replicas: 0, async: true, spec: ' ' });
    expect(refused.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['computePool', 'The compute pool is a Snowflake name: letters, digits and _, optionally DB.SCHEMA.NAME, no quotes.'],
      ['name', 'The job name is a Snowflake name: letters, digits and _, optionally DB.SCHEMA.NAME, no quotes.'],
      ['replicas', 'Run at least 1 replica.'],
      ['spec', 'Write a specification.'],
    ]);
  });
});
