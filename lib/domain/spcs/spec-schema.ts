/**
 * The job service specification as a zod schema
 * (https://docs.snowflake.com/en/developer-guide/snowpark-container-services/specification-reference),
 * each message worded as the Launch form and the local warehouse show it. Pure.
 *
 * Each mapping is read in two steps: its outline (a mapping, with known keys only), then its
 * fields. The steps are a zod pipe, which goes on past unknown keys but stops at a value that is
 * not a mapping, so unknown keys are reported first, then every problem in the known fields.
 * Checks across fields (requests within limits, unique container names) run even when a field
 * has failed (`when`), and look only at the values that passed. Where the document writes its
 * containers (`containerFormOf`) picks one variant of a discriminated union for the rest.
 */
import { z } from '@/lib/domain/validation/zod';
import { localImageKey } from './image-name';
import { MEMORY_UNIT_NAMES, parseCpu, parseMemory } from './resources';
import { codeLoadingMessage, codeLoadingRuntime, envNameProblem } from './spec-env';
import { formatPath } from './spec-yaml';

export type Mapping = Record<string, unknown>;

const ROOT_KEYS = ['spec', 'capabilities', 'serviceRoles'];
export const SPEC_KEYS = ['containers', 'container', 'endpoints', 'volumes', 'logExporters', 'platformMonitor', 'resourceManagement'];
export const CONTAINER_KEYS = ['name', 'image', 'command', 'args', 'env', 'readinessProbe', 'livenessProbe', 'volumeMounts', 'resources', 'secrets'];
const GPU = 'nvidia.com/gpu';

/** What an issue carries for the wording that needs more than the value (see spec-issues.ts). */
export type SpecIssueParams = { kind: 'envName' } | { kind: 'codeLoading'; variable: string; runtime: string };

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isMapping(value)) return 'a mapping';
  return JSON.stringify(value) ?? String(value);
}

/** What a message is worded from: the value, and its path, which zod fills in before wording it. */
type IssueInput = { path?: PropertyKey[]; input?: unknown };

/** Named by the last segment of the path. */
function notAMapping(issue: IssueInput): string {
  const name = formatPath(issue.path ?? []).replace(/^.*\./, '');
  return `'${name}' must be a mapping (key: value lines); got ${show(issue.input)}.`;
}

/**
 * A value `accepts` lets through, typed as `T`. Never aborting: after an aborting issue zod skips
 * every enclosing check, even those set to run regardless (`when`).
 */
function accepted<T>(accepts: (value: unknown) => boolean, error: string | ((issue: IssueInput) => string)) {
  return z.custom<T>(accepts, { error, abort: false });
}

/** For checks across fields, which read only the values that passed their own checks. */
const EVEN_AFTER_FAILURES = { when: () => true };

const mapping = accepted<Mapping>(isMapping, notAMapping);

/** A mapping's known keys, the first step of reading it; each unknown key is spelled out in spec-issues.ts. */
function outline(keys: string[], notAMappingMessage: typeof notAMapping = notAMapping) {
  return z.strictObject(Object.fromEntries(keys.map((key) => [key, z.unknown().optional()])), {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `expected one of ${keys.join(', ')}.` : notAMappingMessage(issue)),
  });
}

function listOf(key: string) {
  return z.array(z.unknown(), { error: `'${key}' must be a list.` });
}

function listOfMappings(key: string) {
  return z.array(z.custom<Mapping>(), { error: `'${key}' must be a list.` }).superRefine((items, ctx) => {
    // The first entry that is not a mapping shows what is wrong with the list.
    const bad = items.findIndex((item) => !isMapping(item));
    if (bad !== -1) ctx.addIssue({ code: 'custom', path: [bad], message: `Each entry of '${key}' must be a mapping.` });
  });
}

const containerName = z
  .string({ error: (issue) => (issue.input === undefined ? 'Every container needs a name.' : 'The container name must be a string.') })
  .superRefine((name, ctx) => {
    if (name.length > 63) ctx.addIssue({ code: 'custom', message: `Container name '${name}' is longer than 63 characters.` });
    else if (!/^[a-z][a-z0-9-]*$/.test(name)) {
      ctx.addIssue({ code: 'custom', message: `Container name '${name}' must start with a lowercase letter and hold only lowercase letters, digits and '-'.` });
    }
  });

export function isContainerName(value: unknown): value is string {
  return containerName.safeParse(value).success;
}

const image = accepted<string>(
  (value) => typeof value === 'string' && localImageKey(value) !== '',
  (issue) => (issue.input === undefined ? 'Every container needs an image.' : "The image must be a name such as '/db/schema/repository/image:latest'."),
);

const stringList = z.array(z.string({ error: 'Must be a string; quote it.' }), { error: 'Must be a list of strings.' });

/** `env`, values stringified as containers receive them; `runsOnHost` refuses code-loading variables. */
function envOf(runsOnHost: boolean) {
  return mapping
    .superRefine((env, ctx) => {
      for (const [name, value] of Object.entries(env)) {
        const badName = envNameProblem(name);
        const runtime = badName || !runsOnHost ? null : codeLoadingRuntime(name);
        if (badName) {
          ctx.addIssue({ code: 'custom', path: [name], message: badName, params: { kind: 'envName' } satisfies SpecIssueParams });
        } else if (runtime) {
          const params: SpecIssueParams = { kind: 'codeLoading', variable: name, runtime };
          ctx.addIssue({ code: 'custom', path: [name], message: codeLoadingMessage(name, runtime, null), params });
        } else if (typeof value === 'object' && value !== null) {
          ctx.addIssue({ code: 'custom', path: [name], message: 'An environment variable must be a single value, not a list or mapping.' });
        } else if (typeof value === 'string' && value.includes('\0')) {
          ctx.addIssue({ code: 'custom', path: [name], message: 'An environment variable cannot hold a NUL character: the operating system ends the value there.' });
        }
      }
    }, { when: (payload) => isMapping(payload.value) })
    .transform((env) => {
      const values: Record<string, string> = {};
      for (const [name, value] of Object.entries(env)) values[name] = value === null ? '' : String(value);
      return values;
    });
}

const isCpu = (value: unknown): value is number | string => (typeof value === 'number' || typeof value === 'string') && parseCpu(value) !== null;
const isMemory = (value: unknown): value is string => typeof value === 'string' && parseMemory(value) !== null;
const isGpuCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1;

const resourceValues = outline(['cpu', 'memory', GPU]).pipe(
  z.object({
    cpu: accepted<number | string>(
      isCpu,
      (issue) => `cpu must be a positive number of CPUs such as 0.5 or 2, or millicores such as '500m'; got ${show(issue.input)}.`,
    ).optional(),
    memory: accepted<string>(
      isMemory,
      (issue) => `memory needs an amount and a unit (${MEMORY_UNIT_NAMES.join(', ')}), such as 512Mi or 2Gi; got ${show(issue.input)}.`,
    ).optional(),
    [GPU]: accepted<number>(isGpuCount, (issue) => `${GPU} must be a whole number of GPUs, at least 1; got ${show(issue.input)}.`).optional(),
  }),
);

const resources = outline(['requests', 'limits']).pipe(
  z.object({ requests: resourceValues.optional(), limits: resourceValues.optional() }).superRefine(
    (value, ctx) => {
      const requests: Mapping = isMapping(value.requests) ? value.requests : {};
      const limits: Mapping = isMapping(value.limits) ? value.limits : {};
      const [requestedGpus, gpuLimit] = [requests[GPU], limits[GPU]].map((gpus) => (isGpuCount(gpus) ? gpus : undefined));
      if ((requestedGpus !== undefined || gpuLimit !== undefined) && requestedGpus !== gpuLimit) {
        ctx.addIssue({ code: 'custom', path: ['limits', GPU], message: `${GPU} must be given in both requests and limits, with the same count.` });
      }
      // parseCpu and parseMemory read a value that failed its own check as absent.
      const over = (request: number | null, limit: number | null) => request !== null && limit !== null && request > limit;
      if (over(parseCpu(requests.cpu), parseCpu(limits.cpu))) {
        ctx.addIssue({ code: 'custom', path: ['requests', 'cpu'], message: `The cpu request (${requests.cpu}) is above its limit (${limits.cpu}).` });
      }
      if (over(parseMemory(requests.memory), parseMemory(limits.memory))) {
        ctx.addIssue({ code: 'custom', path: ['requests', 'memory'], message: `The memory request (${requests.memory}) is above its limit (${limits.memory}).` });
      }
    },
    EVEN_AFTER_FAILURES,
  ),
);

/** The fields in the order their problems are reported; `CONTAINER_KEYS` is the order people read. */
function containerOf(runsOnHost: boolean) {
  return outline(CONTAINER_KEYS).pipe(
    z.object({
      name: containerName,
      image,
      command: stringList.optional(),
      args: stringList.optional(),
      env: envOf(runsOnHost).optional(),
      resources: resources.optional(),
      readinessProbe: mapping.optional(),
      livenessProbe: mapping.optional(),
      volumeMounts: listOfMappings('volumeMounts').optional(),
      secrets: listOf('secrets').optional(),
    }),
  );
}

type Container = ReturnType<typeof containerOf>;

function containerListOf(key: 'containers' | 'container', container: Container) {
  const message = `'${key}' must be a list with at least one container.`;
  return z.array(container, { error: message }).min(1, { error: message });
}

/**
 * Where a spec writes its containers: `containers` is the documented key; `container`, as a list
 * or a single mapping, appears in several of Snowflake's own examples and is accepted as an alias.
 * Null reads as absent, as YAML writes an empty value.
 */
type ContainerForm = 'containers' | 'container-list' | 'container-mapping' | 'both' | 'none';

function containerFormOf(spec: Mapping): ContainerForm {
  if (spec.containers !== undefined && spec.container !== undefined) return 'both';
  const key = spec.containers !== undefined ? 'containers' : 'container';
  if (spec[key] === undefined || spec[key] === null) return 'none';
  if (key === 'containers') return 'containers';
  return isMapping(spec.container) ? 'container-mapping' : 'container-list';
}

const refused = (message: string) => accepted<never>(() => false, message);

function specOf<S extends z.ZodRawShape>(containers: S) {
  return outline(SPEC_KEYS).pipe(
    z.object({
      ...containers,
      endpoints: listOfMappings('endpoints').optional(),
      volumes: listOfMappings('volumes').optional(),
      logExporters: mapping.optional(),
      platformMonitor: mapping.optional(),
      resourceManagement: mapping.optional(),
    }),
  );
}

function documentOf<F extends ContainerForm, S extends z.ZodRawShape>(form: F, containers: S) {
  return z.object({
    form: z.literal(form),
    spec: specOf(containers),
    capabilities: mapping.optional(),
    serviceRoles: listOfMappings('serviceRoles').optional(),
  });
}

/** Refuses a name used by an earlier container of the list; names that failed their own check are left out. */
function uniqueNames(key: 'containers' | 'container') {
  return (document: { spec: Mapping }, ctx: z.RefinementCtx) => {
    const list = document.spec[key];
    const seen = new Map<string, number>();
    (Array.isArray(list) ? list : []).forEach((container: unknown, i) => {
      if (!isMapping(container) || !isContainerName(container.name)) return;
      const { name } = container;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, i);
      else ctx.addIssue({ code: 'custom', path: ['spec', key, i, 'name'], message: `Container name '${name}' is already used by spec.${key}[${first}].name.` });
    });
  };
}

const rootOutline = outline(ROOT_KEYS, () => "The specification must be a YAML mapping with a top-level 'spec' key.").pipe(
  z.object({
    spec: accepted<Mapping>(isMapping, (issue) => (issue.input === undefined ? "The specification needs a top-level 'spec' mapping." : notAMapping(issue))),
    capabilities: z.unknown().optional(),
    serviceRoles: z.unknown().optional(),
  }),
);

/**
 * The whole document, to the shape `JobSpec` describes. `runsOnHost`: the containers run as
 * processes of this host (the local warehouse), so `env` may not make a runtime load code from
 * outside the image.
 */
export function specDocumentSchema(runsOnHost: boolean) {
  const container = containerOf(runsOnHost);
  return rootOutline
    .transform((document) => ({ ...document, form: containerFormOf(document.spec) }))
    .pipe(
      z.discriminatedUnion('form', [
        documentOf('containers', { containers: containerListOf('containers', container) }).superRefine(uniqueNames('containers'), EVEN_AFTER_FAILURES),
        documentOf('container-list', { container: containerListOf('container', container) }).superRefine(uniqueNames('container'), EVEN_AFTER_FAILURES),
        documentOf('container-mapping', { container }),
        documentOf('both', { container: refused("Use either 'containers' or 'container', not both.") }),
        documentOf('none', { containers: refused("The spec needs 'containers': a list with at least one container.") }),
      ]),
    )
    .transform((document) => {
      const { endpoints, volumes, logExporters, platformMonitor, resourceManagement } = document.spec;
      // 'both' and 'none' never parse, so they never get here.
      const containers =
        document.form === 'containers'
          ? document.spec.containers
          : document.form === 'container-list'
            ? document.spec.container
            : document.form === 'container-mapping'
              ? [document.spec.container]
              : [];
      return {
        containers,
        containerForm: document.form === 'containers' ? ('containers' as const) : ('container' as const),
        ...present({ endpoints, volumes, logExporters, platformMonitor, resourceManagement }),
        ...present({ capabilities: document.capabilities, serviceRoles: document.serviceRoles }),
      };
    });
}

/** `values` without its undefined entries, so the spec holds only the sections the YAML has. */
function present<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T;
}
