/**
 * Resource quantities in a spec (`cpu: 0.5` or `500m`, `memory: 512Mi`, `nvidia.com/gpu: 1`)
 * and what a container asks of a node once defaults apply
 * (https://docs.snowflake.com/en/developer-guide/snowpark-container-services/specification-reference). Pure.
 *
 * Defaults for a missing request: Snowflake gives 0.5 CPU and 0.5 GiB "compared with the
 * limit", and the spec reference ("whichever is greater") contradicts BCR-1648 ("whichever is
 * smaller", https://docs.snowflake.com/en/release-notes/bcr-bundles/2024_06/bcr-1648). We take
 * the smaller, per BCR-1648: a request above its own limit could never be honoured. A missing
 * limit is the node's capacity, and a larger limit is capped to it.
 */
import type { NodeCapacity } from './instance-families';

export interface Resources {
  cpu: number;
  memoryBytes: number;
  gpus: number;
}

export interface ResourceValues {
  cpu?: number | string;
  memory?: string;
  'nvidia.com/gpu'?: number;
}

export interface ContainerResources {
  requests?: ResourceValues;
  limits?: ResourceValues;
}

const GIB = 1024 ** 3;
export const DEFAULT_REQUEST = { cpu: 0.5, memoryBytes: 0.5 * GIB } as const;

const MEMORY_UNITS: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: GIB,
  Ti: 1024 ** 4,
};
export const MEMORY_UNIT_NAMES = Object.keys(MEMORY_UNITS);

/** CPUs from `1`, `0.5`, `'0.5'` or `'500m'`; null when it is not a positive amount. */
export function parseCpu(value: unknown): number | null {
  let cpus: number | null = null;
  if (typeof value === 'number') cpus = value;
  else if (typeof value === 'string' && /^[0-9]+(\.[0-9]+)?$/.test(value.trim())) cpus = Number(value);
  else if (typeof value === 'string' && /^[0-9]+m$/.test(value.trim())) cpus = Number.parseInt(value, 10) / 1000;
  return cpus !== null && Number.isFinite(cpus) && cpus > 0 ? cpus : null;
}

/** Bytes from `512Mi`, `0.5Gi`, `2G` …; null without a known unit or when not positive. */
export function parseMemory(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = /^([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]+)$/.exec(value.trim());
  const unit = match ? MEMORY_UNITS[match[2]] : undefined;
  if (!match || unit === undefined) return null;
  const bytes = Number(match[1]) * unit;
  return bytes > 0 ? Math.round(bytes) : null;
}

/** What one container reserves on a node of `capacity`. Call on a validated spec. */
export function effectiveRequests(resources: ContainerResources | undefined, capacity: NodeCapacity): Resources {
  const requests = resources?.requests ?? {};
  const limits = resources?.limits ?? {};
  const cpuLimit = Math.min(parseCpu(limits.cpu) ?? capacity.cpu, capacity.cpu);
  const memoryLimit = Math.min(parseMemory(limits.memory) ?? capacity.memoryBytes, capacity.memoryBytes);
  return {
    cpu: parseCpu(requests.cpu) ?? Math.min(DEFAULT_REQUEST.cpu, cpuLimit),
    memoryBytes: parseMemory(requests.memory) ?? Math.min(DEFAULT_REQUEST.memoryBytes, memoryLimit),
    gpus: requests['nvidia.com/gpu'] ?? 0,
  };
}
