/**
 * A container's environment: a container-like base, the spec's `env`, then what Snowflake
 * injects into every SPCS container (https://docs.snowflake.com/en/developer-guide/snowpark-container-services/additional-considerations-services-jobs). Nothing of
 * the warehouse's own environment is passed on, as nothing of the host's reaches a container.
 *
 * One difference: Snowflake mounts the session's OAuth token at /snowflake/session/token, a path
 * the local warehouse cannot write, so the token file's path is passed in
 * SNOWFLAKE_SESSION_TOKEN_PATH instead.
 */
import path from 'node:path';

/** Docker's default PATH, after the folder of the Node running the warehouse so `node` is that Node. */
const CONTAINER_PATH = [
  path.dirname(process.execPath),
  '/usr/local/sbin',
  '/usr/local/bin',
  '/usr/sbin',
  '/usr/bin',
  '/sbin',
  '/bin',
].join(path.delimiter);

export const TOKEN_PATH_VARIABLE = 'SNOWFLAKE_SESSION_TOKEN_PATH';

export interface InjectedEnv {
  host: string;
  port: number;
  account: string;
  database: string;
  schema: string;
  serviceName: string;
  jobIndex: number;
  jobsCount: number;
  tokenPath: string;
  /** The container's HOME: a folder of its own, as a container's is. */
  home: string;
}

export type SpecEnv = Record<string, string | number | boolean>;

export function containerEnv(specEnv: SpecEnv | undefined, injected: InjectedEnv): Record<string, string> {
  const env: Record<string, string> = { PATH: CONTAINER_PATH, HOME: injected.home };
  for (const [name, value] of Object.entries(specEnv ?? {})) env[name] = String(value);
  return {
    ...env,
    SNOWFLAKE_HOST: injected.host,
    SNOWFLAKE_PORT: String(injected.port),
    SNOWFLAKE_ACCOUNT: injected.account,
    SNOWFLAKE_DATABASE: injected.database,
    SNOWFLAKE_SCHEMA: injected.schema,
    SNOWFLAKE_SERVICE_NAME: injected.serviceName,
    SNOWFLAKE_JOB_INDEX: String(injected.jobIndex),
    SNOWFLAKE_JOBS_COUNT: String(injected.jobsCount),
    [TOKEN_PATH_VARIABLE]: injected.tokenPath,
  };
}
