/**
 * Job containers run in a bubblewrap (`bwrap`) sandbox, as SPCS runs them in isolated containers
 * (https://docs.snowflake.com/en/developer-guide/snowpark-container-services/working-with-services): whoever may launch a job chooses its command, and
 * without a sandbox that command runs as the warehouse's own user with the whole filesystem in
 * reach, the warehouse's data directory included.
 *
 * Inside the sandbox a container runs as nobody (65534), with no capabilities and no new
 * privileges, in its own PID, IPC, UTS, cgroup and mount namespaces. It sees only:
 * - read-only: /usr and the host's /bin, /lib, /lib64, /sbin (a symlink stays a symlink), the few
 *   files of /etc that programs need to start and resolve names (SYSTEM_ETC), the Node that runs
 *   the warehouse, the project's runtime that the built-in images import (PROJECT_RUNTIME), its
 *   image's folder (its working directory) and its job's session token;
 * - read-write: its job's HOME folder (the scratch folder, shared by the job's containers only)
 *   and a private /tmp;
 * - fresh /proc and /dev.
 * Every host path keeps its own path inside, so HOME, SNOWFLAKE_SESSION_TOKEN_PATH and relative
 * commands mean the same thing as without a sandbox. The warehouse's data directory is an empty
 * folder inside, whatever else is mounted around it.
 *
 * The network namespace is shared: containers log back in to the warehouse over loopback TCP
 * (SNOWFLAKE_HOST/PORT), and a private network namespace would have no route to it. So a
 * container reaches what the host reaches, as EXTERNAL_ACCESS_INTEGRATIONS are not enforced.
 *
 * How nobody is reached depends on who runs the warehouse. As root, bwrap sets the sandbox up as
 * root and `setpriv` drops to uid/gid 65534 on the host before the command starts, so the
 * container is an unprivileged host user (its HOME and token are handed to that user first). As
 * any other user, an unprivileged user namespace maps that user to 65534 inside.
 *
 * Stopping: the container is PID 1 of its namespace (`--as-pid-1`) in a session of its own
 * (`--new-session`), whose process group is signalled on stop, as a container runtime signals a
 * container's PID 1. Like any container's PID 1 it ignores SIGTERM unless it handles it, and is
 * then killed after the grace period. When it exits, everything it started dies with its PID
 * namespace.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, lstat, mkdtemp, readlink, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLoopbackHost } from '@/lib/domain/host-names';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';

/** nobody/nogroup, the user a container runs as. */
export const SANDBOX_UID = 65534;
export const SANDBOX_GID = 65534;

/** bwrap writes `{"child-pid": N}` on this descriptor: N leads the container's process group. */
export const SANDBOX_INFO_FD = 3;

/** Top-level system folders besides /usr, mounted as they are on the host (merged /usr or not). */
const SYSTEM_TOP_LEVEL = ['/bin', '/sbin', '/lib', '/lib32', '/lib64'];

/** What programs read from /etc to start, load libraries, resolve names, check certificates and name users. */
const SYSTEM_ETC = [
  '/etc/alternatives',
  '/etc/ld.so.cache',
  '/etc/ld.so.conf',
  '/etc/ld.so.conf.d',
  '/etc/hosts',
  '/etc/host.conf',
  '/etc/nsswitch.conf',
  '/etc/resolv.conf',
  '/etc/gai.conf',
  '/etc/localtime',
  '/etc/passwd',
  '/etc/group',
  '/etc/ssl',
  '/etc/ca-certificates',
];

const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** What the built-in images import (`../../lib/…`, `@/lib/…`, `tsx`, `snowflake-sdk`), read-only. */
const PROJECT_RUNTIME = ['lib', 'node_modules', 'package.json', 'tsconfig.json'];

export interface SystemEntry {
  path: string;
  /** The link's target when the host's entry is a symlink (merged /usr); null for a folder. */
  symlink: string | null;
}

/** The host facts the bwrap command line is built from, read once by `readSandboxHost`. */
export interface SandboxHost {
  bwrap: string;
  /** Whether the warehouse runs as root (then `setpriv` drops to nobody; else a user namespace maps to it). */
  asRoot: boolean;
  system: SystemEntry[];
  /** Existing paths mounted read-only in every container: /etc's files, Node's folder, the project's runtime. */
  readOnly: string[];
  /** Folders that show empty inside whatever is mounted around them: the warehouse's data directory. */
  hidden: string[];
}

/** One container's own paths. */
export interface SandboxedContainer {
  /** What the container runs (containerArgv). */
  argv: string[];
  /** The image's folder: read-only, and the working directory. */
  imageDir: string;
  /** The job's scratch folder (its HOME): the one place it may write, besides /tmp. */
  scratchDir: string;
  /** Mounted read-only at their own paths (the session token). */
  files: string[];
}

type Mount =
  | { kind: 'ro-bind' | 'ro-bind-try' | 'bind'; path: string }
  | { kind: 'symlink'; path: string; target: string }
  | { kind: 'tmpfs'; path: string; perms?: string }
  | { kind: 'proc' | 'dev'; path: string };

const depth = (target: string) => target.split('/').filter(Boolean).length;
const isUnder = (target: string, parent: string) => target === parent || target.startsWith(parent === '/' ? '/' : `${parent}/`);

function mountArgs(mount: Mount): string[] {
  switch (mount.kind) {
    case 'symlink':
      return ['--symlink', mount.target, mount.path];
    case 'tmpfs':
      return [...(mount.perms ? ['--perms', mount.perms] : []), '--tmpfs', mount.path];
    case 'proc':
    case 'dev':
      return [`--${mount.kind}`, mount.path];
    default:
      return [`--${mount.kind}`, mount.path, mount.path];
  }
}

/**
 * The bwrap command line for one container. Mounts go shallowest first, so a deeper one lands on
 * top (the hidden data directory over an image folder around it, a job's HOME inside the hidden
 * data directory). bwrap would create missing parent folders as 0700 root, which nobody cannot
 * enter; each is created 0755 first. The environment is not on the command line: argv is readable
 * by every user in /proc, so it is passed as the process's environment, which bwrap passes on.
 */
export function bwrapArgv(host: SandboxHost, container: SandboxedContainer): string[] {
  const mounts: Mount[] = [
    { kind: 'ro-bind', path: '/usr' },
    ...host.system.map((entry): Mount =>
      entry.symlink === null ? { kind: 'ro-bind', path: entry.path } : { kind: 'symlink', path: entry.path, target: entry.symlink },
    ),
    { kind: 'proc', path: '/proc' },
    { kind: 'dev', path: '/dev' },
    // Sticky and writable by all, as /tmp is on a host: nobody must be able to write there.
    { kind: 'tmpfs', path: '/tmp', perms: '1777' },
    ...host.readOnly.map((target): Mount => ({ kind: 'ro-bind-try', path: target })),
    { kind: 'ro-bind', path: container.imageDir },
    ...host.hidden.map((target): Mount => ({ kind: 'tmpfs', path: target })),
    { kind: 'bind', path: container.scratchDir },
    ...container.files.map((target): Mount => ({ kind: 'ro-bind', path: target })),
  ];
  mounts.sort((a, b) => depth(a.path) - depth(b.path));

  const args: string[] = [];
  const mounted: Mount[] = [];
  const made = new Set<string>();
  for (const mount of mounts) {
    const parents: string[] = [];
    for (let parent = path.dirname(mount.path); parent !== '/'; parent = path.dirname(parent)) parents.unshift(parent);
    for (const parent of parents) {
      const covered = mounted.some((other) => other.path === parent || (other.kind.includes('bind') && isUnder(parent, other.path)));
      if (covered || made.has(parent)) continue;
      made.add(parent);
      args.push('--perms', '0755', '--dir', parent);
    }
    args.push(...mountArgs(mount));
    mounted.push(mount);
  }

  const identity = host.asRoot
    ? []
    : ['--unshare-user', '--uid', String(SANDBOX_UID), '--gid', String(SANDBOX_GID)];
  const dropToNobody = host.asRoot
    ? ['/usr/bin/setpriv', `--reuid=${SANDBOX_UID}`, `--regid=${SANDBOX_GID}`, '--clear-groups', '--no-new-privs', '--']
    : [];
  return [
    host.bwrap,
    ...identity,
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-uts',
    '--unshare-cgroup-try',
    '--die-with-parent',
    '--new-session',
    '--as-pid-1',
    '--info-fd',
    String(SANDBOX_INFO_FD),
    ...args,
    '--chdir',
    container.imageDir,
    '--',
    ...dropToNobody,
    ...container.argv,
  ];
}

/** The first `bwrap` on PATH, as a shell would find it; null when there is none. */
function findOnPath(program: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, program))) return path.join(dir, program);
  }
  return null;
}

async function systemEntries(): Promise<SystemEntry[]> {
  const entries: SystemEntry[] = [];
  for (const entry of SYSTEM_TOP_LEVEL) {
    const stat = await lstat(entry).catch(() => null);
    if (stat?.isSymbolicLink()) entries.push({ path: entry, symlink: await readlink(entry) });
    else if (stat?.isDirectory()) entries.push({ path: entry, symlink: null });
  }
  return entries;
}

/** Node's folder, when it is not under /usr already: PATH names it first (container-env.ts). */
async function nodeDirs(): Promise<string[]> {
  const dirs = [path.dirname(process.execPath), path.dirname(await realpath(process.execPath))];
  return [...new Set(dirs)].filter((dir) => !isUnder(dir, '/usr'));
}

export async function readSandboxHost(bwrap: string, dataDir: string): Promise<SandboxHost> {
  const runtime = PROJECT_RUNTIME.map((entry) => path.join(PROJECT_ROOT, entry)).filter((entry) => existsSync(entry));
  return {
    bwrap,
    asRoot: process.getuid?.() === 0,
    system: await systemEntries(),
    readOnly: [...SYSTEM_ETC, ...(await nodeDirs()), ...runtime],
    hidden: [path.resolve(dataDir)],
  };
}

export interface Sandbox {
  /** Hands a job's scratch folder and token to nobody when the warehouse runs as root. */
  prepareJob(scratchDir: string, files: string[]): Promise<void>;
  /** The command line that runs a container in the sandbox. */
  argv(container: SandboxedContainer): string[];
}

export function createSandbox(host: SandboxHost): Sandbox {
  return {
    async prepareJob(scratchDir, files) {
      if (!host.asRoot) return;
      for (const target of [scratchDir, ...files]) await chown(target, SANDBOX_UID, SANDBOX_GID);
    },
    argv: (container) => bwrapArgv(host, container),
  };
}

/** Runs a sandbox command line to its end, with the info descriptor open as a container's is. */
function run(argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const [program, ...args] = argv;
    const child: ChildProcess = spawn(program, args, {
      // Next's typings make NODE_ENV a required ProcessEnv key; the probe's environment has none.
      env: { PATH: '/usr/bin:/bin' } as Record<string, string> as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      timeout: 15_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
    (child.stdio[SANDBOX_INFO_FD] as NodeJS.ReadableStream).resume();
    child.once('error', (error) => resolve({ code: null, stdout, stderr: error.message }));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs `id -u` in a sandbox set up exactly as a container's; null when it answered nobody's uid,
 * else why the sandbox cannot be had (no bwrap, no user namespaces, a folder nobody cannot enter).
 */
export async function sandboxSelfTest(sandbox: Sandbox): Promise<string | null> {
  const scratchDir = await mkdtemp(path.join(tmpdir(), 'flurry-sandbox-probe-'));
  try {
    await sandbox.prepareJob(scratchDir, []);
    const result = await run(sandbox.argv({ argv: ['/bin/sh', '-c', 'id -u'], imageDir: PROJECT_ROOT, scratchDir, files: [] }));
    if (result.code === 0 && result.stdout.trim() === String(SANDBOX_UID)) return null;
    const why = result.stderr.trim() || `it ran as uid ${result.stdout.trim()} (exit code ${result.code})`;
    return `bwrap failed its self-test: ${why}`;
  } catch (error) {
    return `bwrap failed its self-test: ${(error as Error).message}`;
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
}

/** How a warehouse runs its job containers, decided once when it starts. */
export type ContainerIsolation =
  | { sandbox: Sandbox }
  | {
      sandbox: null;
      /** Why there is no sandbox. */
      reason: string;
      /** What EXECUTE JOB SERVICE answers when the warehouse is reachable from other machines; null on loopback. */
      refusal: SnowflakeQueryError | null;
    };

export interface IsolationOptions {
  /** The address the warehouse listens on. */
  host: string;
  dataDir: string;
  /** The bubblewrap program; default `bwrap` on PATH. */
  bwrap?: string;
}

/**
 * A sandbox when bwrap is there and passes its self-test. Without one, containers still run on a
 * warehouse only this machine reaches (whoever launches a job could already run commands here),
 * and are refused on one bound to any other address.
 */
export async function containerIsolation(options: IsolationOptions): Promise<ContainerIsolation> {
  const exposed = options.host !== '' && !isLoopbackHost(options.host);
  const bwrap = options.bwrap ?? findOnPath('bwrap');
  let reason: string;
  if (bwrap === null || !existsSync(bwrap)) {
    reason = `bubblewrap (bwrap) is not installed${bwrap ? ` at ${bwrap}` : ''}`;
  } else {
    const sandbox = createSandbox(await readSandboxHost(bwrap, options.dataDir));
    const failure = await sandboxSelfTest(sandbox);
    if (failure === null) return { sandbox };
    reason = failure;
  }
  return { sandbox: null, reason, refusal: exposed ? unsandboxedRefusal(options.host, reason) : null };
}

function unsandboxedRefusal(host: string, reason: string): SnowflakeQueryError {
  return new SnowflakeQueryError(
    snowflakeErrors.execution(
      `Job containers are refused: the local warehouse listens on ${host}, reachable from other machines, and cannot sandbox ` +
        `containers (${reason}). Without a sandbox a job's command would run as the warehouse's own user. ` +
        'Install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap) and restart, or bind the warehouse to 127.0.0.1.',
    ),
  );
}
