/**
 * A job service spec's `env` that the spec check refuses (a variable that changes how a runtime
 * loads code, a key that cannot be a variable's name), sent with the real snowflake-sdk to the
 * real local warehouse: EXECUTE JOB SERVICE answers it as an invalid spec and starts nothing.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { execute } from '@/lib/warehouse/sdk';

const state = useConnectedWarehouse({ jobGraceMs: 1000 });

async function run(sql: string): Promise<Record<string, unknown>[]> {
  return (await execute(state.connection, sql)).rows as Record<string, unknown>[];
}

function executeJob(name: string, env: string): string {
  return (
    `EXECUTE JOB SERVICE IN COMPUTE POOL ENV_POOL NAME = ${name} FROM SPECIFICATION $$\n` +
    'spec:\n  containers:\n  - name: main\n    image: /db/schema/repo/flurry_test:latest\n    args: ["--env"]\n' +
    `    env:\n${env}$$`
  );
}

async function jobDirs(): Promise<string[]> {
  return readdir(path.join(state.warehouse.dataDir, 'jobs')).catch(() => []);
}

describe('a refused spec env', () => {
  beforeAll(async () => {
    await run('CREATE COMPUTE POOL ENV_POOL MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_XS');
  });

  it.each([
    ['NODE_OPTIONS: --import=data:text/javascript,0', /Invalid spec: spec\.containers\[0\]\.env\.NODE_OPTIONS \(line 8\): NODE_OPTIONS changes how Node\.js loads code, so a spec cannot set it: it would make the programs of container 'main' run code from outside their image/],
    ['LD_PRELOAD: /tmp/evil.so', /Invalid spec: spec\.containers\[0\]\.env\.LD_PRELOAD \(line 8\): LD_PRELOAD changes how the dynamic linker loads code/],
    ['"": x', /Invalid spec: spec\.containers\[0\]\.env\[""\] \(line 8\): An environment variable needs a name; this one is empty or only spaces\./],
    ['"A=B": x', /Invalid spec: spec\.containers\[0\]\.env\["A=B"\] \(line 8\): An environment variable name cannot contain '='/],
  ])('refuses env %s and starts nothing', async (line, message) => {
    const before = await jobDirs();
    await expect(run(executeJob('ENV_REFUSED', `      ${line}\n`))).rejects.toThrow(message);
    expect(await run("SHOW JOB SERVICES LIKE 'ENV_REFUSED'")).toEqual([]);
    expect((await run("SHOW COMPUTE POOLS LIKE 'ENV_POOL'"))[0]).toMatchObject({ num_jobs: 0 });
    expect(await jobDirs()).toEqual(before);
  });
});
