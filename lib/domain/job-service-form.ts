/**
 * The Launch page's job service form: its fields, the specification YAML they make, and the way
 * back from YAML the user edited to the fields (when the YAML still says only what the fields
 * can say). Shared by the form and the server action, which validates again. The rules below
 * come from the specification reference
 * (https://docs.snowflake.com/en/developer-guide/snowpark-container-services/specification-reference)
 * and EXECUTE JOB SERVICE (https://docs.snowflake.com/en/sql-reference/sql/execute-job-service).
 */
import { parse } from 'yaml';
import { z } from '@/lib/domain/validation/zod';
import { labelSchema } from './launch-input';
import { parseCpu, parseMemory, type ResourceValues } from './spcs/resources';
import { specToYaml, type ContainerSpec } from './spcs/spec';

/** Spec container names: lowercase letters, digits and `-`, starting with a letter, ≤ 63. */
export const CONTAINER_NAME = 'main';
export const MAX_REPLICAS = 100;
const MAX_SPEC_BYTES = 100_000;

/** An unquoted Snowflake identifier, optionally qualified: quoted job names are unsupported. */
const OBJECT_NAME = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*){0,2}$/;

const objectName = (what: string) =>
  z
    .string()
    .trim()
    .regex(OBJECT_NAME, `${what} is a Snowflake name: letters, digits and _, optionally DB.SCHEMA.NAME, no quotes.`);

/** The statement's own properties, and the label of the launch: what the server action takes. */
export const jobServiceLaunchSchema = z.object({
  computePool: objectName('The compute pool'),
  /** Empty: Snowflake names the job JOB_<uuid>. */
  name: z
    .string()
    .trim()
    .transform((name) => (name === '' ? null : name))
    .pipe(objectName('The job name').nullable()),
  replicas: z.coerce
    .number({ error: 'Replicas must be a number.' })
    .int('Replicas must be a whole number.')
    .min(1, 'Run at least 1 replica.')
    .max(MAX_REPLICAS, `Run at most ${MAX_REPLICAS} replicas.`),
  async: z.boolean(),
  spec: z
    .string()
    .refine((spec) => spec.trim() !== '', 'Write a specification.')
    .refine((spec) => spec.length <= MAX_SPEC_BYTES, `A specification is at most ${MAX_SPEC_BYTES.toLocaleString('en-US')} characters.`),
  label: labelSchema,
});

export type JobServiceLaunchInput = z.input<typeof jobServiceLaunchSchema>;
export type ParsedJobServiceLaunch = z.output<typeof jobServiceLaunchSchema>;

/** The container fields of the form, as the user typed them. */
export interface ContainerFields {
  image: string;
  /** One argument per line, so arguments with spaces need no quoting. */
  args: string;
  /** KEY=value per line. */
  env: string;
  cpu: string;
  memory: string;
}

export const EMPTY_CONTAINER: ContainerFields = { image: '', args: '', env: '', cpu: '', memory: '' };

export type FieldProblems = Partial<Record<keyof ContainerFields, string>>;

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** What is wrong with the container fields, by field; empty when they make a spec. */
export function containerProblems(fields: ContainerFields): FieldProblems {
  const problems: FieldProblems = {};
  if (fields.image.trim() === '') problems.image = 'Name the image to run, e.g. /db/schema/repo/my_image:latest.';
  const badEnv = lines(fields.env).find((line) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(line));
  if (badEnv !== undefined) problems.env = `"${badEnv}" is not KEY=value (a name of letters, digits and _, then =).`;
  const cpu = fields.cpu.trim();
  if (cpu !== '' && parseCpu(cpuValue(cpu)) === null) problems.cpu = 'CPU is a number of cores above 0, e.g. 0.5, 2 or 500m.';
  const memory = fields.memory.trim();
  if (memory !== '' && parseMemory(memory) === null) problems.memory = 'Memory needs a unit, e.g. 512Mi or 2Gi.';
  return problems;
}

/** `0.5` as a number, `500m` as the string the spec writes. */
function cpuValue(cpu: string): number | string {
  return /^\d+(\.\d+)?$/.test(cpu) ? Number(cpu) : cpu;
}

/** The container the fields describe, named `main`. */
function containerOf(fields: ContainerFields): ContainerSpec {
  const container: ContainerSpec = { name: CONTAINER_NAME, image: fields.image.trim() };
  const args = lines(fields.args);
  if (args.length) container.args = args;
  const env = lines(fields.env);
  if (env.length) {
    container.env = Object.fromEntries(
      env.map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)];
      }),
    );
  }
  const requests: ResourceValues = {};
  if (fields.cpu.trim()) requests.cpu = cpuValue(fields.cpu.trim());
  if (fields.memory.trim()) requests.memory = fields.memory.trim();
  // A limit left out defaults to the whole node, so requests are also the limits.
  if (Object.keys(requests).length) container.resources = { requests, limits: { ...requests } };
  return container;
}

/** The specification YAML the fields describe. */
export function specYaml(fields: ContainerFields): string {
  return specToYaml({ containers: [containerOf(fields)], containerForm: 'containers' });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

/** JSON with object keys sorted, so documents that differ only in key order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isRecord(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}

function scalar(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

/**
 * The fields that would make exactly this YAML, or null when it says more than the fields can
 * (several containers, command, volumes, limits unlike requests …) or does not parse: the
 * form then locks its container fields and the YAML alone is what runs.
 */
export function fieldsFromSpec(yaml: string): ContainerFields | null {
  let document: unknown;
  try {
    document = parse(yaml);
  } catch {
    return null;
  }
  if (!isRecord(document) || !onlyKeys(document, ['spec']) || !isRecord(document.spec) || !onlyKeys(document.spec, ['containers'])) return null;
  const containers = document.spec.containers;
  if (!Array.isArray(containers) || containers.length !== 1 || !isRecord(containers[0])) return null;
  const container = containers[0];
  if (!onlyKeys(container, ['name', 'image', 'args', 'env', 'resources']) || container.name !== CONTAINER_NAME) return null;
  const image = scalar(container.image);
  if (image === null) return null;

  const args = container.args ?? [];
  if (!Array.isArray(args) || args.some((arg) => scalar(arg) === null || /\n/.test(String(arg)) || String(arg).trim() !== String(arg) || String(arg) === '')) return null;
  const env = container.env ?? {};
  if (!isRecord(env) || Object.values(env).some((value) => scalar(value) === null || /\n/.test(String(value)))) return null;

  let cpu = '';
  let memory = '';
  if (container.resources !== undefined) {
    const resources = container.resources;
    if (!isRecord(resources) || !onlyKeys(resources, ['requests', 'limits']) || !isRecord(resources.requests)) return null;
    const { requests } = resources;
    if (!onlyKeys(requests, ['cpu', 'memory'])) return null;
    cpu = scalar(requests.cpu) ?? '';
    memory = scalar(requests.memory) ?? '';
  }
  const fields: ContainerFields = {
    image,
    args: args.map(String).join('\n'),
    env: Object.entries(env)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join('\n'),
    cpu,
    memory,
  };
  // Only when the fields give back the very same document do they stand for it.
  return canonical({ spec: { containers: [containerOf(fields)] } }) === canonical(document) ? fields : null;
}
