/**
 * The job service specification YAML
 * (https://docs.snowflake.com/en/developer-guide/snowpark-container-services/specification-reference):
 * validation with errors named by YAML path and line (`spec.containers[0].resources.requests.memory`),
 * and YAML for a spec the dashboard's form builds. Pure: the form validates as the user types, in the browser.
 *
 * Specs come from users and from SQL sent to the warehouse, so input is capped (size, nesting
 * depth, alias expansions; spec-yaml.ts) before the zod schema (spec-schema.ts) reads it, and
 * every failure becomes an error entry, never an exception.
 */
import { stringify } from 'yaml';
import type { ContainerResources } from './resources';
import { locateIssues } from './spec-issues';
import { CONTAINER_KEYS, type Mapping, SPEC_KEYS, specDocumentSchema } from './spec-schema';
import { type LocatedError, readLimitedYaml } from './spec-yaml';

export interface ContainerSpec {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  /** Values stringified, as containers receive them. */
  env?: Record<string, string>;
  resources?: ContainerResources;
  readinessProbe?: Record<string, unknown>;
  livenessProbe?: Record<string, unknown>;
  volumeMounts?: Record<string, unknown>[];
  secrets?: unknown[];
}

export interface JobSpec {
  containers: ContainerSpec[];
  /**
   * The key the YAML used. `containers` is the documented one; `container` (a list or a single
   * mapping) appears in several of Snowflake's own examples and is accepted as an alias.
   */
  containerForm: 'containers' | 'container';
  endpoints?: Record<string, unknown>[];
  volumes?: Record<string, unknown>[];
  logExporters?: Record<string, unknown>;
  platformMonitor?: Record<string, unknown>;
  resourceManagement?: Record<string, unknown>;
  capabilities?: Record<string, unknown>;
  serviceRoles?: Record<string, unknown>[];
}

/** One problem, by YAML path ('' for the document as a whole) and line. */
export type SpecError = LocatedError;

export type SpecValidation = { ok: true; spec: JobSpec } | { ok: false; errors: SpecError[] };

/**
 * One problem as the Launch form and the local warehouse word it, where first:
 * `spec.containers[0].image (line 4): …`, `line 2: The YAML cannot be read: …`.
 */
export function describeSpecError({ path, line, message }: SpecError): string {
  const where = path && line !== null ? `${path} (line ${line})` : path || (line !== null ? `line ${line}` : '');
  return where ? `${where}: ${message}` : message;
}

export const SPEC_LIMITS = { maxBytes: 256 * 1024, maxDepth: 32, maxAliasCount: 100 } as const;

export interface SpecCheckOptions {
  /**
   * The containers run as processes of this host (the local warehouse), not in Snowflake's
   * containers: variables that make a runtime load code from outside the image are refused.
   */
  runsOnHost?: boolean;
}

const SCHEMAS = { onHost: specDocumentSchema(true), inSnowflake: specDocumentSchema(false) };

export function validateSpec(yamlText: string, options: SpecCheckOptions = {}): SpecValidation {
  const read = readLimitedYaml(yamlText, SPEC_LIMITS);
  if (!read.ok) return read;
  const parsed = (options.runsOnHost ? SCHEMAS.onHost : SCHEMAS.inSnowflake).safeParse(read.value);
  if (parsed.success) return { ok: true, spec: parsed.data };
  return { ok: false, errors: locateIssues(parsed.error.issues, read.value, read.lineOf) };
}

/** The YAML for `spec`, in the documented `containers:` form whichever form it was read from. */
export function specToYaml(spec: JobSpec): string {
  const inner: Mapping = { containers: spec.containers.map(orderedContainer) };
  for (const key of SPEC_KEYS) {
    const value = spec[key as keyof JobSpec];
    if (key !== 'containers' && key !== 'container' && value !== undefined) inner[key] = value;
  }
  const document: Mapping = { spec: inner };
  if (spec.capabilities) document.capabilities = spec.capabilities;
  if (spec.serviceRoles) document.serviceRoles = spec.serviceRoles;
  // Quote what a YAML 1.1 reader would take for a boolean or number (`yes`, `on`, `0755`), so
  // Snowflake reads exactly the strings the form meant.
  return stringify(document, { lineWidth: 0, aliasDuplicateObjects: false, compat: 'yaml-1.1' });
}

/** Keys in the order people read a container: who, what runs, with what. */
function orderedContainer(container: ContainerSpec): Mapping {
  const ordered: Mapping = {};
  for (const key of CONTAINER_KEYS) {
    const value = container[key as keyof ContainerSpec];
    if (value !== undefined) ordered[key] = value;
  }
  return ordered;
}
