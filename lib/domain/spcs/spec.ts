/**
 * The job service specification YAML
 * (https://docs.snowflake.com/en/developer-guide/snowpark-container-services/specification-reference):
 * validation with errors named by YAML path and line (`spec.containers[0].resources.requests.memory`),
 * and YAML for a spec the dashboard's form builds. Pure: the form validates as the user types, in the browser.
 *
 * Specs come from users and from SQL sent to the warehouse, so input is capped (size, nesting
 * depth, alias expansions) and every failure becomes an error entry, never an exception.
 */
import { CST, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Parser, stringify, type Node } from 'yaml';
import { localImageKey } from './image-name';
import {
  type ContainerResources,
  MEMORY_UNIT_NAMES,
  parseCpu,
  parseMemory,
  type ResourceValues,
} from './resources';

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

export interface SpecError {
  /** YAML path of the offending value; '' for the document as a whole. */
  path: string;
  line: number | null;
  message: string;
}

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

const ROOT_KEYS = ['spec', 'capabilities', 'serviceRoles'];
const SPEC_KEYS = ['containers', 'container', 'endpoints', 'volumes', 'logExporters', 'platformMonitor', 'resourceManagement'];
const CONTAINER_KEYS = ['name', 'image', 'command', 'args', 'env', 'readinessProbe', 'livenessProbe', 'volumeMounts', 'resources', 'secrets'];
const RESOURCE_KEYS = ['cpu', 'memory', 'nvidia.com/gpu'];
const GPU = 'nvidia.com/gpu';

type Mapping = Record<string, unknown>;

export interface SpecCheckOptions {
  /**
   * The containers run as processes of this host (the local warehouse), not in Snowflake's
   * containers: variables that make a runtime load code from outside the image are refused.
   */
  runsOnHost?: boolean;
}

export function validateSpec(yamlText: string, options: SpecCheckOptions = {}): SpecValidation {
  const bytes = new TextEncoder().encode(yamlText).length;
  if (bytes > SPEC_LIMITS.maxBytes) {
    return fail('', null, `The specification is ${bytes} bytes; the limit is ${SPEC_LIMITS.maxBytes} bytes (256 KiB).`);
  }
  const tooDeep = deepestNesting(yamlText);
  if (tooDeep) {
    return fail(tooDeep.path, tooDeep.line, `The YAML is nested more than ${SPEC_LIMITS.maxDepth} levels deep.`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, stringKeys: true, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((error) => ({
        path: '',
        line: lineCounter.linePos(error.pos[0]).line,
        message: `The YAML cannot be read: ${error.message}`,
      })),
    };
  }
  const lines = new Map<string, number>();
  recordLines(doc.contents, '', lines, lineCounter);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: SPEC_LIMITS.maxAliasCount });
  } catch (error) {
    // Raised for alias bombs and aliases to anchors that do not exist.
    const message = error instanceof Error ? error.message : String(error);
    const bomb = /^Excessive alias count/.test(message);
    return fail('', null, `The YAML cannot be read: ${bomb ? `it expands its aliases more than ${SPEC_LIMITS.maxAliasCount} times, as an alias bomb does.` : message}`);
  }
  const checker = new Checker(lines, options.runsOnHost ?? false);
  const spec = checker.document(value);
  return checker.errors.length || !spec ? { ok: false, errors: checker.errors } : { ok: true, spec };
}

function fail(path: string, line: number | null, message: string): SpecValidation {
  return { ok: false, errors: [{ path, line, message }] };
}

/**
 * Where the YAML first nests deeper than the cap, if it does, read from the parser's tokens: the
 * parser builds them without recursing, while composing and converting the document recurse
 * and overflow the stack on input such as 100,000 `[` or `- `, which then reads as nothing
 * but "Maximum call stack size exceeded".
 */
function deepestNesting(yamlText: string): { path: string; line: number } | null {
  const counter = new LineCounter();
  const pending: { token: CST.Token | null | undefined; path: string; depth: number }[] = [];
  for (const token of new Parser(counter.addNewLine).parse(yamlText)) {
    if (token.type === 'document') pending.push({ token: token.value, path: '', depth: 0 });
  }
  while (pending.length > 0) {
    const { token, path, depth } = pending.pop() as (typeof pending)[number];
    if (!token) continue;
    if (depth > SPEC_LIMITS.maxDepth) return { path, line: counter.linePos(token.offset).line };
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    const sequence = token.type === 'block-seq' || (token.type === 'flow-collection' && token.start.type === 'flow-seq-start');
    // Pushed last item first, so the walk meets the document in reading order.
    for (let i = token.items.length - 1; i >= 0; i -= 1) {
      const { key, value } = token.items[i];
      const child = sequence ? `${path}[${i}]` : childPath(path, CST.resolveAsScalar(key)?.value ?? '?');
      pending.push({ token: value, path: child, depth: depth + 1 });
      // A key can be a collection too (`? [a, b]`).
      pending.push({ token: key, path: child, depth: depth + 1 });
    }
  }
  return null;
}

/** Fills `lines` with the line of each path (the depth is capped, so recursing is safe). */
function recordLines(node: unknown, path: string, lines: Map<string, number>, counter: LineCounter): void {
  const lineOf = (n: Node | null | undefined) => (n?.range ? counter.linePos(n.range[0]).line : null);
  const children: [string, Node | null, number | null][] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      children.push([childPath(path, key), pair.value as Node | null, lineOf(pair.key as Node)]);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => children.push([`${path}[${i}]`, item as Node, lineOf(item as Node)]));
  }
  for (const [child, value, line] of children) {
    if (line !== null) lines.set(child, line);
    if (value && !isAlias(value)) recordLines(value, child, lines, counter);
  }
}

/** `a.b[2]` → `a.b` → `a` → ''. */
function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut === -1 ? '' : path.slice(0, cut);
}

function childPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Checker {
  readonly errors: SpecError[] = [];

  constructor(
    private readonly lines: Map<string, number>,
    private readonly runsOnHost: boolean,
  ) {}

  /** `linePath`: where the line is recorded, when the path shown is written differently. */
  error(path: string, message: string, linePath = path): void {
    // A missing key has no line of its own: point at the nearest enclosing value that has one.
    let probe = linePath;
    while (probe && !this.lines.has(probe)) probe = parentPath(probe);
    this.errors.push({ path, line: this.lines.get(probe) ?? null, message });
  }

  document(value: unknown): JobSpec | null {
    if (!isMapping(value)) {
      this.error('', "The specification must be a YAML mapping with a top-level 'spec' key.");
      return null;
    }
    this.knownKeys(value, '', ROOT_KEYS);
    const spec = value.spec;
    if (spec === undefined) this.error('spec', "The specification needs a top-level 'spec' mapping.");
    if (spec === undefined || !this.mapping(spec, 'spec')) return null;
    this.knownKeys(spec, 'spec', SPEC_KEYS);
    const containers = this.containerList(spec);
    const job: JobSpec = {
      containers: containers.map(([item, path]) => this.container(item, path)),
      containerForm: spec.containers === undefined && spec.container !== undefined ? 'container' : 'containers',
      ...this.kept(spec, 'spec', 'endpoints', 'list'),
      ...this.kept(spec, 'spec', 'volumes', 'list'),
      ...this.kept(spec, 'spec', 'logExporters', 'mapping'),
      ...this.kept(spec, 'spec', 'platformMonitor', 'mapping'),
      ...this.kept(spec, 'spec', 'resourceManagement', 'mapping'),
      ...this.kept(value, '', 'capabilities', 'mapping'),
      ...this.kept(value, '', 'serviceRoles', 'list'),
    };
    const seen = new Map<string, string>();
    job.containers.forEach((container, i) => {
      const path = `${containers[i][1]}.name`;
      const first = seen.get(container.name);
      if (first) this.error(path, `Container name '${container.name}' is already used by ${first}.`);
      else if (container.name) seen.set(container.name, path);
    });
    return job;
  }

  /** Each container's value and path, from `containers:` or the `container:` alias. */
  private containerList(spec: Mapping): [unknown, string][] {
    if (spec.containers !== undefined && spec.container !== undefined) {
      this.error('spec.container', "Use either 'containers' or 'container', not both.");
      return [];
    }
    const key = spec.containers !== undefined ? 'containers' : 'container';
    const value = spec[key];
    const path = `spec.${key}`;
    if (value === undefined || value === null) {
      this.error('spec.containers', "The spec needs 'containers': a list with at least one container.");
      return [];
    }
    if (key === 'container' && isMapping(value)) return [[value, path]];
    if (!Array.isArray(value) || value.length === 0) {
      this.error(path, `'${key}' must be a list with at least one container.`);
      return [];
    }
    return value.map((item, i) => [item, `${path}[${i}]`]);
  }

  private container(value: unknown, path: string): ContainerSpec {
    const container: ContainerSpec = { name: '', image: '' };
    if (!this.mapping(value, path)) return container;
    this.knownKeys(value, path, CONTAINER_KEYS);
    container.name = this.containerName(value.name, `${path}.name`);
    container.image = this.image(value.image, `${path}.image`);
    for (const key of ['command', 'args'] as const) {
      if (value[key] !== undefined) container[key] = this.stringList(value[key], `${path}.${key}`);
    }
    if (value.env !== undefined) container.env = this.env(value.env, `${path}.env`, container.name);
    if (value.resources !== undefined) container.resources = this.resources(value.resources, `${path}.resources`);
    return {
      ...container,
      ...this.kept(value, path, 'readinessProbe', 'mapping'),
      ...this.kept(value, path, 'livenessProbe', 'mapping'),
      ...this.kept(value, path, 'volumeMounts', 'list'),
      ...this.kept(value, path, 'secrets', 'list'),
    };
  }

  private containerName(value: unknown, path: string): string {
    if (value === undefined) this.error(path, 'Every container needs a name.');
    else if (typeof value !== 'string') this.error(path, 'The container name must be a string.');
    else if (value.length > 63) this.error(path, `Container name '${value}' is longer than 63 characters.`);
    else if (!/^[a-z][a-z0-9-]*$/.test(value)) {
      this.error(path, `Container name '${value}' must start with a lowercase letter and hold only lowercase letters, digits and '-'.`);
    } else return value;
    return '';
  }

  private image(value: unknown, path: string): string {
    if (value === undefined) this.error(path, 'Every container needs an image.');
    else if (typeof value !== 'string' || localImageKey(value) === '') {
      this.error(path, "The image must be a name such as '/db/schema/repository/image:latest'.");
    } else return value;
    return '';
  }

  private stringList(value: unknown, path: string): string[] {
    if (!Array.isArray(value)) {
      this.error(path, 'Must be a list of strings.');
      return [];
    }
    value.forEach((item, i) => {
      if (typeof item !== 'string') this.error(`${path}[${i}]`, 'Must be a string; quote it.');
    });
    return value.filter((item): item is string => typeof item === 'string');
  }

  private env(value: unknown, path: string, containerName: string): Record<string, string> {
    const env: Record<string, string> = {};
    if (!this.mapping(value, path)) return env;
    for (const [name, item] of Object.entries(value)) {
      const at = `${path}.${name}`;
      const badName = envNameProblem(name);
      const loader = badName || !this.runsOnHost ? null : codeLoadingVariable(name);
      if (badName) {
        // Such a key would not read as a path segment; its line is still the key's own.
        this.error(`${path}[${JSON.stringify(name)}]`, badName, at);
      } else if (loader) {
        const container = containerName ? `container '${containerName}'` : 'the container';
        this.error(
          at,
          `${name} changes how ${loader} loads code, so a spec cannot set it: it would make the programs of ${container} ` +
            'run code from outside their image, and the local warehouse runs containers as processes of its own host. ' +
            "Set it in the image, or pass the options in the container's command.",
        );
      } else if (typeof item === 'object' && item !== null) {
        this.error(at, 'An environment variable must be a single value, not a list or mapping.');
      } else if (typeof item === 'string' && item.includes('\0')) {
        this.error(at, 'An environment variable cannot hold a NUL character: the operating system ends the value there.');
      } else env[name] = item === null ? '' : String(item);
    }
    return env;
  }

  private resources(value: unknown, path: string): ContainerResources {
    if (!this.mapping(value, path)) return {};
    this.knownKeys(value, path, ['requests', 'limits']);
    const resources: ContainerResources = {};
    for (const kind of ['requests', 'limits'] as const) {
      if (value[kind] !== undefined) resources[kind] = this.resourceValues(value[kind], `${path}.${kind}`);
    }
    const { requests = {}, limits = {} } = resources;
    if ((requests[GPU] !== undefined || limits[GPU] !== undefined) && requests[GPU] !== limits[GPU]) {
      this.error(`${path}.limits.${GPU}`, `${GPU} must be given in both requests and limits, with the same count.`);
    }
    const over = (request: number | null, limit: number | null) => request !== null && limit !== null && request > limit;
    if (over(parseCpu(requests.cpu), parseCpu(limits.cpu))) {
      this.error(`${path}.requests.cpu`, `The cpu request (${requests.cpu}) is above its limit (${limits.cpu}).`);
    }
    if (over(parseMemory(requests.memory), parseMemory(limits.memory))) {
      this.error(`${path}.requests.memory`, `The memory request (${requests.memory}) is above its limit (${limits.memory}).`);
    }
    return resources;
  }

  private resourceValues(value: unknown, path: string): ResourceValues {
    const values: ResourceValues = {};
    if (!this.mapping(value, path)) return values;
    this.knownKeys(value, path, RESOURCE_KEYS);
    const { cpu, memory, [GPU]: gpu } = value;
    if (cpu !== undefined) {
      if (parseCpu(cpu) === null || (typeof cpu !== 'number' && typeof cpu !== 'string')) {
        this.error(`${path}.cpu`, `cpu must be a positive number of CPUs such as 0.5 or 2, or millicores such as '500m'; got ${show(cpu)}.`);
      } else values.cpu = cpu;
    }
    if (memory !== undefined) {
      if (typeof memory !== 'string' || parseMemory(memory) === null) {
        this.error(`${path}.memory`, `memory needs an amount and a unit (${MEMORY_UNIT_NAMES.join(', ')}), such as 512Mi or 2Gi; got ${show(memory)}.`);
      } else values.memory = memory;
    }
    if (gpu !== undefined) {
      if (typeof gpu !== 'number' || !Number.isInteger(gpu) || gpu < 1) {
        this.error(`${path}.${GPU}`, `${GPU} must be a whole number of GPUs, at least 1; got ${show(gpu)}.`);
      } else values[GPU] = gpu;
    }
    return values;
  }

  /** `{ [key]: value }` when the value is present and of the expected shape, else `{}`. */
  private kept(parent: Mapping, path: string, key: string, shape: 'mapping' | 'list'): Mapping {
    const value = parent[key];
    if (value === undefined) return {};
    const at = childPath(path, key);
    if (shape === 'mapping') return this.mapping(value, at) ? { [key]: value } : {};
    if (!Array.isArray(value)) {
      this.error(at, `'${key}' must be a list.`);
      return {};
    }
    const bad = value.findIndex((item) => !isMapping(item));
    if (bad !== -1 && key !== 'secrets') {
      this.error(`${at}[${bad}]`, `Each entry of '${key}' must be a mapping.`);
      return {};
    }
    return { [key]: value };
  }

  private mapping(value: unknown, path: string): value is Mapping {
    if (isMapping(value)) return true;
    this.error(path, `'${path.replace(/^.*\./, '')}' must be a mapping (key: value lines); got ${show(value)}.`);
    return false;
  }

  private knownKeys(value: Mapping, path: string, allowed: string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.error(childPath(path, key), `Unknown field '${key}'; expected one of ${allowed.join(', ')}.`);
      }
    }
  }
}

/**
 * Why an environment variable's name cannot be passed to a process, if it cannot: the
 * environment is a list of `NAME=value` strings ended by NUL, so a name that is empty, holds `=`
 * or NUL cannot be stored; the runtime of the container reads such an entry wrongly or aborts.
 */
function envNameProblem(name: string): string | null {
  if (name.trim() === '') return 'An environment variable needs a name; this one is empty or only spaces.';
  if (name.includes('=')) return "An environment variable name cannot contain '=': the environment stores NAME=value, so the name would end at the '='.";
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'An environment variable name cannot contain control characters such as NUL or a line break.';
  if (name !== name.trim()) return 'An environment variable name cannot start or end with spaces.';
  return null;
}

/**
 * Variables that make a runtime load code the program did not ask for (a preloaded library, a
 * module required before the program, a startup file): the runtime each one steers, by name and
 * by prefix. A spec's `env` could otherwise turn any image into one that runs arbitrary code.
 */
const CODE_LOADING_VARIABLES: Record<string, string> = {
  NODE_OPTIONS: 'Node.js',
  NODE_PATH: 'Node.js',
  PYTHONPATH: 'Python',
  PYTHONSTARTUP: 'Python',
  PYTHONHOME: 'Python',
  PYTHONUSERBASE: 'Python',
  PERL5OPT: 'Perl',
  PERL5LIB: 'Perl',
  PERLLIB: 'Perl',
  RUBYOPT: 'Ruby',
  RUBYLIB: 'Ruby',
  BASH_ENV: 'the shell',
  ENV: 'the shell',
  JAVA_TOOL_OPTIONS: 'Java',
  _JAVA_OPTIONS: 'Java',
  JDK_JAVA_OPTIONS: 'Java',
  CLASSPATH: 'Java',
  GCONV_PATH: 'the C library',
};
const CODE_LOADING_PREFIXES: [string, string][] = [
  ['LD_', 'the dynamic linker'],
  ['DYLD_', "macOS's dynamic linker"],
  ['BASH_FUNC_', 'the shell'],
];

function codeLoadingVariable(name: string): string | null {
  if (Object.hasOwn(CODE_LOADING_VARIABLES, name)) return CODE_LOADING_VARIABLES[name];
  return CODE_LOADING_PREFIXES.find(([prefix]) => name.startsWith(prefix))?.[1] ?? null;
}

function show(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isMapping(value)) return 'a mapping';
  return JSON.stringify(value) ?? String(value);
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
