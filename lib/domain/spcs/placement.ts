/**
 * Scheduling a job on a compute pool: whether all replicas of a new job fit on the pool's nodes
 * next to the job instances already running, and on which nodes
 * (https://docs.snowflake.com/en/sql-reference/sql/execute-job-service,
 * https://docs.snowflake.com/en/sql-reference/sql/create-compute-pool). Pure.
 *
 * One job instance (replica) runs all of its containers on one node, as a Kubernetes pod does.
 * Nodes are filled first-fit in index order, so work packs onto the nodes already in use and a
 * tie goes to the lower node. A job is placed whole or not at all: a partly started job would
 * hold resources while it waits for the rest.
 */
import { INSTANCE_FAMILIES, type InstanceFamily, type NodeCapacity } from './instance-families';
import { type ContainerResources, effectiveRequests, type Resources } from './resources';

export const UNSCHEDULABLE = 'Unschedulable due to insufficient resources';

export interface PoolShape {
  instanceFamily: InstanceFamily;
  maxNodes: number;
}

export interface RunningInstance {
  /** The node index the instance was placed on (0 … maxNodes - 1). */
  node: number;
  resources: Resources;
}

export interface JobDemand {
  replicas: number;
  containers: { resources?: ContainerResources }[];
}

export type Placement =
  | { ok: true; perInstance: Resources; nodes: number[] }
  /** `neverFits`: one instance needs more than a whole node, so waiting cannot help. */
  | { ok: false; reason: typeof UNSCHEDULABLE; perInstance: Resources; neverFits: boolean };

/** Resources one instance of a job reserves: the sum over its containers. */
export function instanceResources(containers: JobDemand['containers'], capacity: NodeCapacity): Resources {
  return containers.reduce(
    (sum, container) => add(sum, effectiveRequests(container.resources, capacity)),
    { cpu: 0, memoryBytes: 0, gpus: 0 },
  );
}

export function placeJob(pool: PoolShape, running: RunningInstance[], job: JobDemand): Placement {
  const capacity = INSTANCE_FAMILIES[pool.instanceFamily];
  const perInstance = instanceResources(job.containers, capacity);
  const used: Resources[] = Array.from({ length: pool.maxNodes }, () => ({ cpu: 0, memoryBytes: 0, gpus: 0 }));
  for (const instance of running) {
    if (instance.node < used.length) used[instance.node] = add(used[instance.node], instance.resources);
  }
  const nodes: number[] = [];
  for (let replica = 0; replica < job.replicas; replica += 1) {
    const node = used.findIndex((load) => fits(add(load, perInstance), capacity));
    if (node === -1) {
      return { ok: false, reason: UNSCHEDULABLE, perInstance, neverFits: !fits(perInstance, capacity) };
    }
    used[node] = add(used[node], perInstance);
    nodes.push(node);
  }
  return { ok: true, perInstance, nodes };
}

function add(a: Resources, b: Resources): Resources {
  return { cpu: a.cpu + b.cpu, memoryBytes: a.memoryBytes + b.memoryBytes, gpus: a.gpus + b.gpus };
}

/** Fractional CPUs add up with rounding error (0.1 + 0.2), so CPU compares with a tolerance. */
function fits(load: Resources, capacity: NodeCapacity): boolean {
  return load.cpu <= capacity.cpu + 1e-9 && load.memoryBytes <= capacity.memoryBytes && load.gpus <= capacity.gpus;
}
