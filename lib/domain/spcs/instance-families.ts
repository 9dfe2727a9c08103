/**
 * Per-node capacity of each compute pool instance family
 * (https://docs.snowflake.com/en/sql-reference/sql/create-compute-pool), used to decide
 * whether a job's resource requests fit. Pure.
 *
 * Only CPU_X64_XS/S/M and GPU_NV_S/M come from a source (a 2023 copy of Snowflake's table);
 * every other size is UNCONFIRMED: it follows the same steps (4 GiB per vCPU for CPU, 8 for
 * HIGHMEM) and the GPU count the family's name or documentation suggests.
 */
export interface NodeCapacity {
  /** vCPUs per node. */
  cpu: number;
  memoryBytes: number;
  gpus: number;
}

const GIB = 1024 ** 3;

const node = (cpu: number, memoryGiB: number, gpus = 0): NodeCapacity => ({ cpu, memoryBytes: memoryGiB * GIB, gpus });

export const INSTANCE_FAMILIES = {
  CPU_X64_XS: node(2, 8),
  CPU_X64_S: node(4, 16),
  CPU_X64_M: node(8, 32),
  CPU_X64_SL: node(16, 64), // unconfirmed
  CPU_X64_L: node(32, 128), // unconfirmed
  HIGHMEM_X64_S: node(8, 64), // unconfirmed
  HIGHMEM_X64_M: node(32, 256), // unconfirmed
  HIGHMEM_X64_SL: node(64, 512), // unconfirmed
  HIGHMEM_X64_L: node(128, 1024), // unconfirmed
  GPU_NV_XS: node(4, 16, 1), // unconfirmed
  GPU_NV_S: node(8, 32, 1),
  GPU_NV_SM: node(32, 128, 1), // unconfirmed
  GPU_NV_M: node(48, 192, 4),
  GPU_NV_2M: node(64, 256, 2), // unconfirmed
  GPU_NV_3M: node(48, 384, 4), // unconfirmed
  GPU_NV_SL: node(96, 768, 8), // unconfirmed
  GPU_NV_L: node(96, 1152, 8), // unconfirmed
  GPU_GCP_NV_L4_1_24G: node(8, 32, 1), // unconfirmed; the name gives 1 L4 GPU
  GPU_GCP_NV_L4_4_24G: node(48, 192, 4), // unconfirmed; the name gives 4 L4 GPUs
  GPU_GCP_NV_A100_8_40G: node(96, 680, 8), // unconfirmed; the name gives 8 A100 GPUs
} as const satisfies Record<string, NodeCapacity>;

export type InstanceFamily = keyof typeof INSTANCE_FAMILIES;

export const INSTANCE_FAMILY_NAMES = Object.keys(INSTANCE_FAMILIES) as InstanceFamily[];

export function isInstanceFamily(name: string): name is InstanceFamily {
  return Object.hasOwn(INSTANCE_FAMILIES, name);
}
