import { describe, expect, it } from 'vitest';
import { type JobSpec, type SpecCheckOptions, SPEC_LIMITS, specToYaml, validateSpec } from './spec';

/** The errors of a spec that must be invalid. */
function errorsOf(yaml: string, options: SpecCheckOptions = {}) {
  const result = validateSpec(yaml, options);
  if (result.ok) throw new Error(`valid: ${yaml}`);
  return result.errors;
}

function specOf(yaml: string): JobSpec {
  const result = validateSpec(yaml);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.spec;
}

const container = (lines: string) => `spec:\n  containers:\n  - name: main\n    image: /db/s/repo/img:1\n${lines}`;

describe('validateSpec', () => {
  it('reads a full spec and keeps the sections it does not interpret', () => {
    const spec = specOf(`spec:
  containers:
  - name: main
    image: /db/schema/repo/text_analysis:latest
    command: [python, main.py]
    args: ["--task=summarization", "--source_table=t"]
    env:
      SNOWFLAKE_WAREHOUSE: wh
      BATCH: 10
      VERBOSE: true
      EMPTY:
    resources:
      requests: {cpu: 0.5, memory: 512Mi}
      limits: {cpu: 1000m, memory: 1Gi}
    readinessProbe: {port: 8080, path: /healthz}
    volumeMounts: [{name: data, mountPath: /data}]
  - name: sidecar-2
    image: busybox
  endpoints: [{name: api, port: 8080}]
  volumes: [{name: data, source: local}]
  logExporters: {eventTableConfig: {logLevel: INFO}}
  platformMonitor: {metricConfig: {groups: [system]}}
capabilities: {securityContext: {executeAsCaller: true}}
serviceRoles: [{name: reader, endpoints: [api]}]
`);
    expect(spec).toEqual({
      containerForm: 'containers',
      containers: [
        {
          name: 'main',
          image: '/db/schema/repo/text_analysis:latest',
          command: ['python', 'main.py'],
          args: ['--task=summarization', '--source_table=t'],
          env: { SNOWFLAKE_WAREHOUSE: 'wh', BATCH: '10', VERBOSE: 'true', EMPTY: '' },
          resources: { requests: { cpu: 0.5, memory: '512Mi' }, limits: { cpu: '1000m', memory: '1Gi' } },
          readinessProbe: { port: 8080, path: '/healthz' },
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        },
        { name: 'sidecar-2', image: 'busybox' },
      ],
      endpoints: [{ name: 'api', port: 8080 }],
      volumes: [{ name: 'data', source: 'local' }],
      logExporters: { eventTableConfig: { logLevel: 'INFO' } },
      platformMonitor: { metricConfig: { groups: ['system'] } },
      capabilities: { securityContext: { executeAsCaller: true } },
      serviceRoles: [{ name: 'reader', endpoints: ['api'] }],
    });
  });

  it('accepts spec.container as a single mapping or a list, and says which form it saw', () => {
    const single = specOf('spec:\n  container:\n    name: main\n    image: img\n    args: [a]\n');
    expect(single).toEqual({ containerForm: 'container', containers: [{ name: 'main', image: 'img', args: ['a'] }] });
    const list = specOf('spec:\n  container:\n  - name: a\n    image: img\n  - name: b\n    image: img\n');
    expect(list.containerForm).toBe('container');
    expect(list.containers.map((c) => c.name)).toEqual(['a', 'b']);
  });

  it('names the path and line of each error in the container form it was written in', () => {
    expect(errorsOf('spec:\n  container:\n  - name: Main\n    image: img\n')).toEqual([
      {
        path: 'spec.container[0].name',
        line: 3,
        message: "Container name 'Main' must start with a lowercase letter and hold only lowercase letters, digits and '-'.",
      },
    ]);
  });

  it.each([
    ['name: 1abc', 'spec.containers[0].name', "Container name '1abc' must start with a lowercase letter and hold only lowercase letters, digits and '-'."],
    ['name: a_b', 'spec.containers[0].name', "Container name 'a_b' must start with a lowercase letter and hold only lowercase letters, digits and '-'."],
    [`name: a${'b'.repeat(63)}`, 'spec.containers[0].name', `Container name 'a${'b'.repeat(63)}' is longer than 63 characters.`],
    ['name: [a]', 'spec.containers[0].name', 'The container name must be a string.'],
  ])('refuses a bad container name (%s)', (nameLine, path, message) => {
    expect(errorsOf(`spec:\n  containers:\n  - ${nameLine}\n    image: img\n`)).toEqual([{ path, line: 3, message }]);
  });

  it('accepts a name of exactly 63 characters', () => {
    expect(specOf(`spec:\n  containers:\n  - name: a${'b'.repeat(62)}\n    image: img\n`).containers[0].name).toHaveLength(63);
  });

  it('refuses duplicate container names, pointing at the second', () => {
    expect(errorsOf('spec:\n  containers:\n  - name: a\n    image: i\n  - name: a\n    image: i\n')).toEqual([
      { path: 'spec.containers[1].name', line: 5, message: "Container name 'a' is already used by spec.containers[0].name." },
    ]);
  });

  it('requires a name and an image, pointing at the container', () => {
    expect(errorsOf('spec:\n  containers:\n  - command: [x]\n')).toEqual([
      { path: 'spec.containers[0].name', line: 3, message: 'Every container needs a name.' },
      { path: 'spec.containers[0].image', line: 3, message: 'Every container needs an image.' },
    ]);
    expect(errorsOf('spec:\n  containers:\n  - name: a\n    image: /db/s/repo/\n')).toEqual([
      { path: 'spec.containers[0].image', line: 4, message: "The image must be a name such as '/db/schema/repository/image:latest'." },
    ]);
  });

  it.each([
    ['    command: python\n', 'spec.containers[0].command', 5, 'Must be a list of strings.'],
    ['    args: [--n, 10]\n', 'spec.containers[0].args[1]', 5, 'Must be a string; quote it.'],
    ['    env: [A=1]\n', 'spec.containers[0].env', 5, "'env' must be a mapping (key: value lines); got a list."],
    ['    env:\n      A: [1]\n', 'spec.containers[0].env.A', 6, 'An environment variable must be a single value, not a list or mapping.'],
    ['    imagePullPolicy: Always\n', 'spec.containers[0].imagePullPolicy', 5,
      "Unknown field 'imagePullPolicy'; expected one of name, image, command, args, env, readinessProbe, livenessProbe, volumeMounts, resources, secrets."],
    ['    resources:\n      requests:\n        memory: 512\n', 'spec.containers[0].resources.requests.memory', 7,
      'memory needs an amount and a unit (k, K, M, G, T, Ki, Mi, Gi, Ti), such as 512Mi or 2Gi; got 512.'],
    ['    resources:\n      requests:\n        memory: 2GB\n', 'spec.containers[0].resources.requests.memory', 7,
      'memory needs an amount and a unit (k, K, M, G, T, Ki, Mi, Gi, Ti), such as 512Mi or 2Gi; got "2GB".'],
    ['    resources:\n      limits:\n        cpu: -1\n', 'spec.containers[0].resources.limits.cpu', 7,
      "cpu must be a positive number of CPUs such as 0.5 or 2, or millicores such as '500m'; got -1."],
    ['    resources:\n      limits:\n        cpu: half\n', 'spec.containers[0].resources.limits.cpu', 7,
      'cpu must be a positive number of CPUs such as 0.5 or 2, or millicores such as \'500m\'; got "half".'],
    ['    resources:\n      requests:\n        disk: 1Gi\n', 'spec.containers[0].resources.requests.disk', 7,
      "Unknown field 'disk'; expected one of cpu, memory, nvidia.com/gpu."],
    ['    resources:\n      requests:\n        nvidia.com/gpu: 1\n', 'spec.containers[0].resources.limits.nvidia.com/gpu', 5,
      'nvidia.com/gpu must be given in both requests and limits, with the same count.'],
    ['    resources:\n      requests: {nvidia.com/gpu: 1}\n      limits: {nvidia.com/gpu: 2}\n', 'spec.containers[0].resources.limits.nvidia.com/gpu', 7,
      'nvidia.com/gpu must be given in both requests and limits, with the same count.'],
    ['    resources:\n      requests: {cpu: 2}\n      limits: {cpu: 1500m}\n', 'spec.containers[0].resources.requests.cpu', 6,
      'The cpu request (2) is above its limit (1500m).'],
    ['    resources:\n      requests: {memory: 2Gi}\n      limits: {memory: 1G}\n', 'spec.containers[0].resources.requests.memory', 6,
      'The memory request (2Gi) is above its limit (1G).'],
    ['    readinessProbe: /healthz\n', 'spec.containers[0].readinessProbe', 5, "'readinessProbe' must be a mapping (key: value lines); got \"/healthz\"."],
    ['    volumeMounts: [data]\n', 'spec.containers[0].volumeMounts[0]', 5, "Each entry of 'volumeMounts' must be a mapping."],
  ])('refuses a bad container field: %j', (lines, path, line, message) => {
    expect(errorsOf(container(lines))).toEqual([{ path, line, message }]);
  });

  describe('env', () => {
    const envErrors = (lines: string) => errorsOf(container(`    env:\n${lines}`), { runsOnHost: true });

    it('refuses a variable that changes how a runtime loads code, naming the container and the path', () => {
      expect(envErrors('      BATCH: 10\n      NODE_OPTIONS: --import=data:text/javascript,0\n')).toEqual([
        {
          path: 'spec.containers[0].env.NODE_OPTIONS',
          line: 7,
          message:
            "NODE_OPTIONS changes how Node.js loads code, so a spec cannot set it: it would make the programs of container 'main' " +
            'run code from outside their image, and the local warehouse runs containers as processes of its own host. ' +
            "Set it in the image, or pass the options in the container's command.",
        },
      ]);
    });

    it.each([
      ['NODE_OPTIONS', 'Node.js'],
      ['NODE_PATH', 'Node.js'],
      ['LD_PRELOAD', 'the dynamic linker'],
      ['LD_LIBRARY_PATH', 'the dynamic linker'],
      ['LD_AUDIT', 'the dynamic linker'],
      ['DYLD_INSERT_LIBRARIES', "macOS's dynamic linker"],
      ['PYTHONPATH', 'Python'],
      ['PYTHONSTARTUP', 'Python'],
      ['PYTHONHOME', 'Python'],
      ['PERL5OPT', 'Perl'],
      ['PERL5LIB', 'Perl'],
      ['RUBYOPT', 'Ruby'],
      ['BASH_ENV', 'the shell'],
      ['ENV', 'the shell'],
      ['BASH_FUNC_ls%%', 'the shell'],
      ['JAVA_TOOL_OPTIONS', 'Java'],
      ['_JAVA_OPTIONS', 'Java'],
    ])('refuses %s (%s)', (name, runtime) => {
      expect(envErrors(`      ${name}: /tmp/x\n`)).toEqual([
        { path: `spec.containers[0].env.${name}`, line: 6, message: expect.stringMatching(new RegExp(`^${name} changes how ${runtime} loads code, so a spec cannot set it`)) },
      ]);
    });

    it('names the second container by its own name and index', () => {
      const errors = errorsOf('spec:\n  containers:\n  - name: a\n    image: i\n  - name: worker\n    image: i\n    env: {LD_PRELOAD: /x.so}\n', { runsOnHost: true });
      expect(errors).toEqual([{ path: 'spec.containers[1].env.LD_PRELOAD', line: 7, message: expect.stringContaining("the programs of container 'worker' run code") }]);
    });

    it("leaves the loader variables to Snowflake's own check where containers run in Snowflake", () => {
      const spec = specOf(container('    env:\n      LD_LIBRARY_PATH: /usr/local/cuda/lib64\n      PYTHONPATH: /app\n'));
      expect(spec.containers[0].env).toEqual({ LD_LIBRARY_PATH: '/usr/local/cuda/lib64', PYTHONPATH: '/app' });
    });

    it('accepts ordinary variables whose names only look alike', () => {
      const names = ['node_options', 'NODE_ENV', 'PYTHONUNBUFFERED', 'LDFLAGS', 'ENVIRONMENT', 'PATH', 'HOME', 'MY_LD_PRELOAD'];
      const spec = specOf(container(`    env:\n${names.map((name) => `      ${name}: x\n`).join('')}`));
      expect(Object.keys(spec.containers[0].env ?? {})).toEqual(names);
    });

    it.each([
      ['""', '""', 'An environment variable needs a name; this one is empty or only spaces.'],
      ['"   "', '"   "', 'An environment variable needs a name; this one is empty or only spaces.'],
      ['"A=B"', '"A=B"', "An environment variable name cannot contain '=': the environment stores NAME=value, so the name would end at the '='."],
      ['"A\\0B"', '"A\\u0000B"', 'An environment variable name cannot contain control characters such as NUL or a line break.'],
      ['"A\\nB"', '"A\\nB"', 'An environment variable name cannot contain control characters such as NUL or a line break.'],
      ['" A"', '" A"', 'An environment variable name cannot start or end with spaces.'],
    ])('refuses the env key %s, naming its path and line', (key, shown, message) => {
      expect(envErrors(`      OK: 1\n      ${key}: x\n`)).toEqual([{ path: `spec.containers[0].env[${shown}]`, line: 7, message }]);
    });

    it('refuses a NUL character in a value', () => {
      expect(envErrors('      A: "x\\0y"\n')).toEqual([
        { path: 'spec.containers[0].env.A', line: 6, message: 'An environment variable cannot hold a NUL character: the operating system ends the value there.' },
      ]);
    });
  });

  it('accepts the resource forms the reference gives', () => {
    const spec = specOf(
      container('    resources:\n      requests: {cpu: "0.25", memory: 0.5Gi, nvidia.com/gpu: 1}\n      limits: {cpu: 500m, memory: 1G, nvidia.com/gpu: 1}\n'),
    );
    expect(spec.containers[0].resources).toEqual({
      requests: { cpu: '0.25', memory: '0.5Gi', 'nvidia.com/gpu': 1 },
      limits: { cpu: '500m', memory: '1G', 'nvidia.com/gpu': 1 },
    });
  });

  it.each([
    ['', '', null, 'The specification must be a YAML mapping with a top-level \'spec\' key.'],
    ['- a\n- b\n', '', null, 'The specification must be a YAML mapping with a top-level \'spec\' key.'],
    ['just text', '', null, 'The specification must be a YAML mapping with a top-level \'spec\' key.'],
    ['spec: []\n', 'spec', 1, "'spec' must be a mapping (key: value lines); got a list."],
    ['spec:\n  endpoints: []\n', 'spec.containers', 1, "The spec needs 'containers': a list with at least one container."],
    ['spec:\n  containers: []\n', 'spec.containers', 2, "'containers' must be a list with at least one container."],
    ['spec:\n  containers: {name: a, image: b}\n', 'spec.containers', 2, "'containers' must be a list with at least one container."],
    ['spec:\n  containers: [{name: a, image: b}]\n  container: {name: a, image: b}\n', 'spec.container', 3, "Use either 'containers' or 'container', not both."],
    ['spec:\n  containers: [{name: a, image: b}]\n  endpoint: []\n', 'spec.endpoint', 3,
      "Unknown field 'endpoint'; expected one of containers, container, endpoints, volumes, logExporters, platformMonitor, resourceManagement."],
    ['spec:\n  containers: [{name: a, image: b}]\n  volumes: {name: v}\n', 'spec.volumes', 3, "'volumes' must be a list."],
  ])('refuses a bad document shape: %j', (yaml, path, line, message) => {
    expect(errorsOf(yaml)).toEqual([{ path, line, message }]);
  });

  it('refuses a fractional GPU count in requests and in limits', () => {
    const message = 'nvidia.com/gpu must be a whole number of GPUs, at least 1; got 0.5.';
    expect(errorsOf(container('    resources:\n      requests: {nvidia.com/gpu: 0.5}\n      limits: {nvidia.com/gpu: 0.5}\n'))).toEqual([
      { path: 'spec.containers[0].resources.requests.nvidia.com/gpu', line: 6, message },
      { path: 'spec.containers[0].resources.limits.nvidia.com/gpu', line: 7, message },
    ]);
  });

  it('says the spec key is missing when only other keys are there', () => {
    expect(errorsOf('containers: []\n')).toEqual([
      { path: 'containers', line: 1, message: "Unknown field 'containers'; expected one of spec, capabilities, serviceRoles." },
      { path: 'spec', line: null, message: "The specification needs a top-level 'spec' mapping." },
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(errorsOf('spec:\n  containers:\n  - name: a\n    name: b\n')).toEqual([
      { path: '', line: 4, message: 'The YAML cannot be read: Map keys must be unique' },
    ]);
    expect(errorsOf('spec:\n  containers: [\n')[0]).toMatchObject({ path: '', line: 3 });
    expect(errorsOf('spec: {}\n---\nspec: {}\n')[0].message).toMatch(/^The YAML cannot be read: Source contains multiple documents/);
  });

  it('collects every error rather than stopping at the first', () => {
    const errors = errorsOf('spec:\n  containers:\n  - name: A\n  - image: i\n    args: x\n');
    expect(errors.map((error) => error.path)).toEqual([
      'spec.containers[0].name',
      'spec.containers[0].image',
      'spec.containers[1].name',
      'spec.containers[1].args',
    ]);
  });

  describe('hostile input', () => {
    it('refuses a spec over the size cap before parsing it', () => {
      const huge = `spec:\n  containers:\n  - name: a\n    image: i\n    args: ["${'x'.repeat(SPEC_LIMITS.maxBytes)}"]\n`;
      expect(errorsOf(huge)).toEqual([
        { path: '', line: null, message: `The specification is ${huge.length} bytes; the limit is 262144 bytes (256 KiB).` },
      ]);
    });

    it('refuses nesting past the depth cap', () => {
      const deep = `spec:\n  platformMonitor: ${'{a: '.repeat(40)}1${'}'.repeat(40)}\n`;
      const [error] = errorsOf(deep);
      expect(error.message).toBe('The YAML is nested more than 32 levels deep.');
      expect(error.path.startsWith('spec.platformMonitor.a.a.a')).toBe(true);
      expect(error.line).toBe(2);
    });

    it('names the depth cap for nesting deep enough to overflow a recursive parser', () => {
      for (const deep of ['['.repeat(100_000) + ']'.repeat(100_000), '- '.repeat(100_000) + 'x', `spec:\n  env: ${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}`]) {
        const errors = errorsOf(deep);
        expect(errors).toHaveLength(1);
        expect(errors[0].message).toBe('The YAML is nested more than 32 levels deep.');
        expect(errors[0].line).toBe(deep.startsWith('spec') ? 2 : 1);
      }
    });

    it('refuses an alias bomb', () => {
      const bomb = [
        'a: &a [x, x, x, x, x, x, x, x, x]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
        'spec: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      ].join('\n');
      expect(errorsOf(bomb)).toEqual([
        { path: '', line: null, message: 'The YAML cannot be read: it expands its aliases more than 100 times, as an alias bomb does.' },
      ]);
    });

    it('accepts a few aliases, which the YAML spec allows', () => {
      const spec = specOf('spec:\n  containers:\n  - name: a\n    image: i\n    env: &env {A: "1"}\n  - name: b\n    image: i\n    env: *env\n');
      expect(spec.containers[1].env).toEqual({ A: '1' });
    });

    it('refuses non-string keys', () => {
      expect(errorsOf('spec:\n  [a, b]: 1\n')[0]).toMatchObject({ path: '', line: 2 });
    });
  });
});

describe('specToYaml', () => {
  it('writes the documented containers form that validates back to the same spec', () => {
    const spec: JobSpec = {
      containerForm: 'containers',
      containers: [
        {
          name: 'main',
          image: '/db/s/repo/text_analysis:latest',
          args: ['--task=sentiment', 'yes'],
          env: { BATCH: '10', FLAG: 'true' },
          resources: { requests: { cpu: 0.5, memory: '512Mi' } },
        },
      ],
      logExporters: { eventTableConfig: { logLevel: 'INFO' } },
    };
    const yaml = specToYaml(spec);
    expect(yaml).toBe(
      [
        'spec:',
        '  containers:',
        '    - name: main',
        '      image: /db/s/repo/text_analysis:latest',
        '      args:',
        '        - --task=sentiment',
        '        - "yes"',
        '      env:',
        '        BATCH: "10"',
        '        FLAG: "true"',
        '      resources:',
        '        requests:',
        '          cpu: 0.5',
        '          memory: 512Mi',
        '  logExporters:',
        '    eventTableConfig:',
        '      logLevel: INFO',
        '',
      ].join('\n'),
    );
    expect(specOf(yaml)).toEqual(spec);
  });

  it('normalises the container form to containers', () => {
    const spec = specOf('spec:\n  container:\n    name: main\n    image: img\n');
    expect(specOf(specToYaml(spec))).toEqual({ ...spec, containerForm: 'containers' });
  });
});
