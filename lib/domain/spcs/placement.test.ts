import { describe, expect, it } from 'vitest';
import { INSTANCE_FAMILIES } from './instance-families';
import { instanceResources, placeJob, type RunningInstance, UNSCHEDULABLE } from './placement';

const GIB = 1024 ** 3;
const cpus = (cpu: number, memoryGiB = 1): RunningInstance['resources'] => ({ cpu, memoryBytes: memoryGiB * GIB, gpus: 0 });
const job = (replicas: number, cpu: number | string, memory = '1Gi') => ({
  replicas,
  containers: [{ resources: { requests: { cpu, memory } } }],
});

describe('placeJob', () => {
  // CPU_X64_S: 4 vCPU and 16 GiB per node.
  const pool = { instanceFamily: 'CPU_X64_S' as const, maxNodes: 2 };

  it('packs replicas first-fit onto the lowest nodes', () => {
    expect(placeJob(pool, [], job(3, 2))).toEqual({ ok: true, perInstance: cpus(2), nodes: [0, 0, 1] });
  });

  it('gives a tie between equally free nodes to the lower one', () => {
    const running = [
      { node: 0, resources: cpus(3) },
      { node: 1, resources: cpus(3) },
    ];
    expect(placeJob(pool, running, job(1, 1))).toMatchObject({ ok: true, nodes: [0] });
  });

  it('uses the room running instances leave, and fills a node exactly', () => {
    const running = [{ node: 0, resources: cpus(3.5) }];
    expect(placeJob(pool, running, job(2, '500m'))).toMatchObject({ ok: true, nodes: [0, 1] });
    expect(placeJob(pool, [{ node: 0, resources: cpus(0.1) }, { node: 0, resources: cpus(0.2) }], job(1, 3.7))).toMatchObject({
      ok: true,
      nodes: [0],
    });
  });

  it('waits with Snowflake\'s message when the pool is full, placing nothing', () => {
    const running = [
      { node: 0, resources: cpus(3) },
      { node: 1, resources: cpus(2) },
    ];
    expect(placeJob(pool, running, job(2, 2))).toEqual({ ok: false, reason: UNSCHEDULABLE, perInstance: cpus(2), neverFits: false });
    expect(UNSCHEDULABLE).toBe('Unschedulable due to insufficient resources');
  });

  it('runs out of memory as well as CPU', () => {
    expect(placeJob(pool, [], job(3, 0.5, '10Gi'))).toMatchObject({ ok: false, neverFits: false });
    expect(placeJob(pool, [], job(2, 0.5, '10Gi'))).toMatchObject({ ok: true, nodes: [0, 1] });
  });

  it('says when an instance is larger than any node, so waiting cannot help', () => {
    expect(placeJob(pool, [], job(1, 5))).toMatchObject({ ok: false, neverFits: true });
    expect(placeJob(pool, [], job(1, 1, '17Gi'))).toMatchObject({ ok: false, neverFits: true });
  });

  it('needs a GPU family for a GPU request', () => {
    const gpuJob = { replicas: 1, containers: [{ resources: { requests: { 'nvidia.com/gpu': 1 }, limits: { 'nvidia.com/gpu': 1 } } }] };
    expect(placeJob(pool, [], gpuJob)).toMatchObject({ ok: false, neverFits: true });
    expect(placeJob({ instanceFamily: 'GPU_NV_S', maxNodes: 1 }, [], gpuJob)).toMatchObject({ ok: true, nodes: [0] });
  });

  it('ignores instances on nodes above a lowered MAX_NODES', () => {
    expect(placeJob({ ...pool, maxNodes: 1 }, [{ node: 1, resources: cpus(4) }], job(1, 4, '1Gi'))).toMatchObject({ ok: true, nodes: [0] });
  });
});

describe('instanceResources', () => {
  const capacity = INSTANCE_FAMILIES.CPU_X64_XS;

  it('sums containers and defaults a missing request to 0.5 CPU and 0.5 GiB', () => {
    expect(instanceResources([{}, { resources: { requests: { cpu: '250m', memory: '256Mi' } } }], capacity)).toEqual({
      cpu: 0.75,
      memoryBytes: 0.75 * GIB,
      gpus: 0,
    });
  });

  it('takes the smaller of the default and the limit (BCR-1648)', () => {
    expect(instanceResources([{ resources: { limits: { cpu: 0.25, memory: '128Mi' } } }], capacity)).toEqual({
      cpu: 0.25,
      memoryBytes: 128 * 1024 ** 2,
      gpus: 0,
    });
    expect(instanceResources([{ resources: { limits: { cpu: 2, memory: '4G' } } }], capacity)).toEqual({
      cpu: 0.5,
      memoryBytes: 0.5 * GIB,
      gpus: 0,
    });
  });
});
