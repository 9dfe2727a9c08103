/**
 * Runs job services: REPLICAS instances × the spec's containers, each a ContainerProcess, and
 * reports what SHOW SERVICE CONTAINERS IN SERVICE shows
 * (https://docs.snowflake.com/en/sql-reference/sql/show-service-containers-in-service)
 * and the job's overall status (https://docs.snowflake.com/en/developer-guide/snowpark-container-services/working-with-services). It knows nothing of SQL: the engine prepares a job, starts
 * it when the compute pool has room, and listens for status changes.
 *
 * Each job gets a folder of its own: `logs/<instance>-<container>.log` and `session/token`, the
 * OAuth token its containers log in with (revoked when the job ends).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContainerTokenContext, ContainerTokenIssuer } from '../protocol/sessions';
import { containerArgv } from './container-command';
import { containerEnv, type SpecEnv } from './container-env';
import { readLogFile, type LogLine } from './container-log';
import { ContainerProcess, SNOWFLAKE_GRACE_MS, type ContainerState } from './container-process';
import type { ImageStore, LocalImage } from './image-store';
import type { ContainerIsolation } from './sandbox';
import type { JobServiceStatus } from '../../domain/spcs/job-status';
import { instanceStatus, jobStatusOf, type InstanceStatus } from './job-status';

/** The part of a validated spec the runtime reads. */
export interface JobContainerSpec {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  env?: SpecEnv;
}

export interface JobRunSpec {
  containers: JobContainerSpec[];
}

export interface JobLaunch {
  serviceName: string;
  database: string;
  schema: string;
  /** Who the containers' sessions run as. */
  owner: Omit<ContainerTokenContext, 'database' | 'schema'>;
  replicas: number;
  spec: JobRunSpec;
  /** This job's own folder, created if missing. */
  jobDir: string;
  onStatusChange?: (status: JobServiceStatus) => void;
}

/** One row of SHOW SERVICE CONTAINERS IN SERVICE, less the service's own columns. */
export interface ContainerRow extends Omit<ContainerState, 'exitCode'> {
  instanceId: string;
  instanceStatus: InstanceStatus;
  containerName: string;
  imageName: string;
  imageDigest: string;
  lastExitCode: number | null;
  lastRestartTime: null;
  logFile: string;
}

export interface JobRun {
  status(): JobServiceStatus;
  containers(): ContainerRow[];
  /** The last `tail` lines of one container's log; works while it runs and after. */
  readLog(instanceId: number, containerName: string, tail?: number): Promise<LogLine[]>;
  /** Starts every container; until then the job is PENDING. */
  start(): void;
  /** SIGTERM to every container, SIGKILL after the grace period; resolves when all have ended. */
  cancel(): Promise<JobServiceStatus>;
  /** Resolves with the final status once every container has ended. */
  readonly ended: Promise<JobServiceStatus>;
}

export interface JobRuntimeOptions {
  images: ImageStore;
  issueContainerToken: ContainerTokenIssuer;
  /** Where containers reach the warehouse (SNOWFLAKE_HOST / SNOWFLAKE_PORT / SNOWFLAKE_ACCOUNT). */
  warehouse: { host: string; port: number; account: string };
  /** SIGTERM → SIGKILL delay; Snowflake's is 30 s. */
  graceMs?: number;
  logLimitBytes?: number;
  /** The sandbox containers run in (sandbox.ts); without one they run as the warehouse's user. */
  isolation?: ContainerIsolation;
}

export interface JobRuntime {
  /** Resolves the images (an unknown one throws an ImageError) and creates the job, PENDING. */
  prepare(launch: JobLaunch): Promise<JobRun>;
  /** Stops every job still running and waits for their containers to end. */
  close(): Promise<void>;
}

interface Slot {
  instanceId: number;
  spec: JobContainerSpec;
  image: LocalImage;
  logFile: string;
  container: ContainerProcess;
}

/** Log file of one container in a job's folder; readable after a restart, when no JobRun exists. */
export function containerLogFile(jobDir: string, instanceId: number, containerName: string): string {
  return path.join(jobDir, 'logs', `${instanceId}-${encodeURIComponent(containerName)}.log`);
}

export function readContainerLog(jobDir: string, instanceId: number, containerName: string, tail?: number): Promise<LogLine[]> {
  return readLogFile(containerLogFile(jobDir, instanceId, containerName), tail);
}

export function createJobRuntime(options: JobRuntimeOptions): JobRuntime {
  const live = new Set<JobRun>();
  const graceMs = options.graceMs ?? SNOWFLAKE_GRACE_MS;

  async function prepare(launch: JobLaunch): Promise<JobRun> {
    if (!Number.isInteger(launch.replicas) || launch.replicas < 1) {
      throw new Error(`REPLICAS must be a whole number of at least 1; got ${launch.replicas}.`);
    }
    if (options.isolation?.sandbox === null && options.isolation.refusal) throw options.isolation.refusal;
    const sandbox = options.isolation?.sandbox ?? null;
    const images = await Promise.all(launch.spec.containers.map((container) => options.images.resolve(container.image)));
    const tokenPath = path.join(launch.jobDir, 'session', 'token');
    await mkdir(path.dirname(tokenPath), { recursive: true });
    await mkdir(path.join(launch.jobDir, 'logs'), { recursive: true });
    const home = path.join(launch.jobDir, 'home');
    await mkdir(home, { recursive: true });
    const token = options.issueContainerToken({ ...launch.owner, database: launch.database, schema: launch.schema });
    await writeFile(tokenPath, token.token, { mode: 0o600 })
      .then(() => sandbox?.prepareJob(home, [tokenPath]))
      .catch((error: Error) => {
        token.revoke();
        throw error;
      });

    let cancelRequested = false;
    let reported: JobServiceStatus = 'PENDING';
    const slots: Slot[] = [];
    const status = () => jobStatusOf(instanceIds().map((id) => statusesOf(id)), cancelRequested);
    const instanceIds = () => Array.from({ length: launch.replicas }, (_, index) => index);
    const statusesOf = (instanceId: number) =>
      slots.filter((slot) => slot.instanceId === instanceId).map((slot) => slot.container.state().status);
    const onContainerChange = () => {
      const now = status();
      if (now === reported) return;
      reported = now;
      launch.onStatusChange?.(now);
    };

    for (const instanceId of instanceIds()) {
      launch.spec.containers.forEach((spec, index) => {
        const image = images[index];
        const logFile = containerLogFile(launch.jobDir, instanceId, spec.name);
        const env = containerEnv(spec.env, {
          ...options.warehouse,
          database: launch.database,
          schema: launch.schema,
          serviceName: launch.serviceName,
          jobIndex: instanceId,
          jobsCount: launch.replicas,
          tokenPath,
          home,
        });
        const argv = containerArgv(image, spec);
        const where = sandbox
          ? { argv: sandbox.argv({ argv, imageDir: image.dir, scratchDir: home, files: [tokenPath] }), cwd: '/', sandboxed: true, program: argv[0] }
          : { argv, cwd: image.dir };
        const container = new ContainerProcess({ ...where, env, logFile, graceMs, logLimitBytes: options.logLimitBytes }, onContainerChange);
        slots.push({ instanceId, spec, image, logFile, container });
      });
    }

    const ended = Promise.all(slots.map((slot) => slot.container.exited)).then(() => {
      token.revoke();
      live.delete(run);
      return status();
    });

    const run: JobRun = {
      status,
      containers: () =>
        slots.map(({ instanceId, spec, image, logFile, container }) => {
          const { exitCode, ...state } = container.state();
          return {
            ...state,
            instanceId: String(instanceId),
            instanceStatus: instanceStatus(statusesOf(instanceId)),
            containerName: spec.name,
            imageName: spec.image,
            imageDigest: image.digest,
            lastExitCode: exitCode,
            lastRestartTime: null,
            logFile,
          };
        }),
      async readLog(instanceId, containerName, tail) {
        const slot = slots.find((candidate) => candidate.instanceId === instanceId && candidate.spec.name === containerName);
        if (!slot) {
          throw new Error(
            `Job ${launch.serviceName} has no container "${containerName}" in instance ${instanceId}; ` +
              `it has instances 0..${launch.replicas - 1} and containers ${launch.spec.containers.map((c) => c.name).join(', ')}.`,
          );
        }
        return slot.container.readLog(tail);
      },
      start() {
        if (!cancelRequested) for (const slot of slots) slot.container.start();
      },
      async cancel() {
        cancelRequested = true;
        onContainerChange();
        await Promise.all(slots.map((slot) => slot.container.stop()));
        return ended;
      },
      ended,
    };
    live.add(run);
    return run;
  }

  return {
    prepare,
    async close() {
      await Promise.all([...live].map((run) => run.cancel()));
    },
  };
}
