/**
 * What the zod schema behind validateSpec must keep beyond each field's own check: checks across
 * fields that still run when other fields fail, unknown keys reported before the problems of the
 * known ones, the `container` forms, and a document without `spec` refused on that alone.
 */
import { describe, expect, it } from 'vitest';
import { validateSpec } from './spec';

const LOADER_TAIL =
  'run code from outside their image, and the local warehouse runs containers as processes of its own host. ' +
  "Set it in the image, or pass the options in the container's command.";

describe('the spec schema', () => {
  it('still finds duplicate container names when fields elsewhere fail', () => {
    const yaml = 'spec:\n  containers:\n  - name: a\n    image: i\n    resources: {limits: {cpu: half}}\n  - name: a\n    image: i\n  platformMonitor: []\n';
    expect(validateSpec(yaml)).toEqual({
      ok: false,
      errors: [
        {
          path: 'spec.containers[0].resources.limits.cpu',
          line: 5,
          message: "cpu must be a positive number of CPUs such as 0.5 or 2, or millicores such as '500m'; got \"half\".",
        },
        { path: 'spec.platformMonitor', line: 8, message: "'platformMonitor' must be a mapping (key: value lines); got a list." },
        { path: 'spec.containers[1].name', line: 6, message: "Container name 'a' is already used by spec.containers[0].name." },
      ],
    });
  });

  it('still compares requests with limits when a value fails its own check, reading it as absent', () => {
    const yaml = 'spec:\n  containers:\n  - name: a\n    image: i\n    resources:\n      requests: {nvidia.com/gpu: 2}\n      limits: {nvidia.com/gpu: null}\n';
    const path = 'spec.containers[0].resources.limits.nvidia.com/gpu';
    expect(validateSpec(yaml)).toEqual({
      ok: false,
      errors: [
        { path, line: 7, message: 'nvidia.com/gpu must be a whole number of GPUs, at least 1; got null.' },
        { path, line: 7, message: 'nvidia.com/gpu must be given in both requests and limits, with the same count.' },
      ],
    });
  });

  it('reports the unknown keys of a mapping before the problems of its known fields', () => {
    const result = validateSpec('spec:\n  containers:\n  - name: A\n    image: i\n    restartPolicy: x\n');
    expect(result.ok ? [] : result.errors.map(({ path, line }) => [path, line])).toEqual([
      ['spec.containers[0].restartPolicy', 5],
      ['spec.containers[0].name', 3],
    ]);
  });

  it('names the paths of a single container mapping without an index, and the container by its name', () => {
    const yaml = 'spec:\n  container:\n    name: worker\n    image: i\n    env: {LD_PRELOAD: /x.so}\n    args: x\n';
    expect(validateSpec(yaml, { runsOnHost: true })).toEqual({
      ok: false,
      errors: [
        { path: 'spec.container.args', line: 6, message: 'Must be a list of strings.' },
        {
          path: 'spec.container.env.LD_PRELOAD',
          line: 5,
          message: `LD_PRELOAD changes how the dynamic linker loads code, so a spec cannot set it: it would make the programs of container 'worker' ${LOADER_TAIL}`,
        },
      ],
    });
  });

  it('says "the container" for a code-loading variable when the container has no valid name', () => {
    const result = validateSpec('spec:\n  containers:\n  - name: Main\n    image: i\n    env: {LD_PRELOAD: /x.so}\n', { runsOnHost: true });
    expect(result.ok ? [] : result.errors.map(({ message }) => message)).toEqual([
      "Container name 'Main' must start with a lowercase letter and hold only lowercase letters, digits and '-'.",
      `LD_PRELOAD changes how the dynamic linker loads code, so a spec cannot set it: it would make the programs of the container ${LOADER_TAIL}`,
    ]);
  });

  it('refuses both container keys without reading either list, and goes on to the other sections', () => {
    expect(validateSpec('spec:\n  containers: [{name: A}]\n  container: [{image: 5}]\n  volumes: {}\n')).toEqual({
      ok: false,
      errors: [
        { path: 'spec.container', line: 3, message: "Use either 'containers' or 'container', not both." },
        { path: 'spec.volumes', line: 4, message: "'volumes' must be a list." },
      ],
    });
  });

  it('reads an empty container key as no containers, pointing at the spec', () => {
    expect(validateSpec('spec:\n  container:\n')).toEqual({
      ok: false,
      errors: [{ path: 'spec.containers', line: 1, message: "The spec needs 'containers': a list with at least one container." }],
    });
  });

  it('refuses a document without spec on that alone', () => {
    expect(validateSpec('capabilities: []\nserviceRoles: 1\n')).toEqual({
      ok: false,
      errors: [{ path: 'spec', line: null, message: "The specification needs a top-level 'spec' mapping." }],
    });
  });
});
