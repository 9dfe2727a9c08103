/**
 * The bubblewrap command line, and real jobs run through snowflake-sdk against real warehouses:
 * who a container runs as, what it may read and write, and what a warehouse without a sandbox
 * does on loopback and when exposed.
 */
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWarehouse, useConnectedWarehouse, type TestWarehouse } from '@/test/local-warehouse';
import { connect, destroy, execute, type Connection } from '@/lib/warehouse/sdk';
import { BUILT_IN_IMAGES_DIR } from './image-store';
import { bwrapArgv, SANDBOX_UID, type SandboxHost } from './sandbox';

const host: SandboxHost = {
  bwrap: '/usr/bin/bwrap',
  asRoot: true,
  system: [
    { path: '/bin', symlink: 'usr/bin' },
    { path: '/lib64', symlink: null },
  ],
  readOnly: ['/etc/hosts', '/srv/app/node_modules'],
  hidden: ['/srv/data'],
};
const container = {
  argv: ['node', 'main.ts', '--flag'],
  imageDir: '/srv/data/images/tool',
  scratchDir: '/srv/data/jobs/J1/home',
  files: ['/srv/data/jobs/J1/session/token'],
};

/** The arguments of each option occurrence, in order, e.g. every `--ro-bind SRC DEST` pair. */
function occurrences(argv: string[], option: string, arity: number): string[][] {
  return argv.flatMap((arg, index) => (arg === option ? [argv.slice(index + 1, index + 1 + arity)] : []));
}

describe('bwrapArgv', () => {
  const argv = bwrapArgv(host, container);
  const separator = argv.indexOf('--');

  it('runs the container last, after setpriv drops to nobody when the warehouse is root', () => {
    expect(argv[0]).toBe('/usr/bin/bwrap');
    expect(argv.slice(separator + 1)).toEqual([
      '/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--no-new-privs', '--', 'node', 'main.ts', '--flag',
    ]);
    expect(argv).not.toContain('--unshare-user');
  });

  it('maps the warehouse user to nobody with a user namespace when it is not root', () => {
    const unprivileged = bwrapArgv({ ...host, asRoot: false }, container);
    expect(unprivileged.slice(1, 6)).toEqual(['--unshare-user', '--uid', '65534', '--gid', '65534']);
    expect(unprivileged.slice(unprivileged.indexOf('--') + 1)).toEqual(container.argv);
  });

  it('shares only the network, and reports the container process group on fd 3', () => {
    for (const option of ['--unshare-pid', '--unshare-ipc', '--unshare-uts', '--die-with-parent', '--new-session', '--as-pid-1']) {
      expect(argv.slice(0, separator)).toContain(option);
    }
    expect(argv).not.toContain('--unshare-net');
    expect(argv).not.toContain('--unshare-all');
    expect(occurrences(argv, '--info-fd', 1)).toEqual([['3']]);
  });

  it('mounts the system, image and token read-only, the scratch folder read-write, each at its own path', () => {
    expect(occurrences(argv, '--ro-bind', 2)).toEqual([
      ['/usr', '/usr'],
      ['/lib64', '/lib64'],
      [container.imageDir, container.imageDir],
      [container.files[0], container.files[0]],
    ]);
    expect(occurrences(argv, '--ro-bind-try', 2)).toEqual([
      ['/etc/hosts', '/etc/hosts'],
      ['/srv/app/node_modules', '/srv/app/node_modules'],
    ]);
    expect(occurrences(argv, '--bind', 2)).toEqual([[container.scratchDir, container.scratchDir]]);
    expect(occurrences(argv, '--symlink', 2)).toEqual([['usr/bin', '/bin']]);
    expect(occurrences(argv, '--chdir', 1)).toEqual([[container.imageDir]]);
  });

  it('hides the data directory under an empty tmpfs before mounting the job paths inside it', () => {
    const hide = argv.indexOf('/srv/data');
    expect(argv[hide - 1]).toBe('--tmpfs');
    expect(argv.indexOf(container.imageDir)).toBeGreaterThan(hide);
    expect(argv.indexOf(container.scratchDir)).toBeGreaterThan(hide);
    expect(argv.slice(argv.indexOf('/tmp') - 3, argv.indexOf('/tmp') + 1)).toEqual(['--perms', '1777', '--tmpfs', '/tmp']);
  });

  it('creates each missing parent folder 0755 once, before what is mounted in it', () => {
    const dirs = occurrences(argv, '--dir', 1).map(([dir]) => dir);
    expect(dirs).toEqual(['/etc', '/srv', '/srv/app', '/srv/data/images', '/srv/data/jobs', '/srv/data/jobs/J1', '/srv/data/jobs/J1/session']);
    for (const dir of dirs) expect(argv[argv.indexOf(dir) - 2]).toBe('0755');
    expect(argv.indexOf('/srv/data/jobs/J1')).toBeLessThan(argv.indexOf(container.scratchDir));
  });
});

/** Each job's one container runs `script` with /bin/sh in the built-in flurry_test image. */
function jobs(connection: () => Connection) {
  let count = 0;
  return {
    /** Runs the job to its end; the statement's error (or null) and the container's log. */
    async run(script: string): Promise<{ error: string | null; log: string; name: string }> {
      const name = `SANDBOX_JOB_${++count}`;
      const spec = `spec:\n  containers:\n  - name: main\n    image: /db/schema/repo/flurry_test:latest\n    command: ${JSON.stringify(['/bin/sh', '-c', script])}\n`;
      let error: string | null = null;
      await execute(connection(), `EXECUTE JOB SERVICE IN COMPUTE POOL SANDBOX_POOL NAME = ${name} FROM SPECIFICATION $$\n${spec}$$`).catch(
        (failure: Error) => (error = failure.message),
      );
      const { rows } = await execute(connection(), `SELECT SYSTEM$GET_SERVICE_LOGS('${name}', '0', 'main') AS L`);
      return { error, log: String((rows as { L: string }[])[0].L), name };
    },
  };
}

const createPool = 'CREATE COMPUTE POOL SANDBOX_POOL MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_S';

describe('a sandboxed job container', () => {
  const state = useConnectedWarehouse({ jobGraceMs: 1000 });
  const job = jobs(() => state.connection);
  let secret: string;

  beforeAll(async () => {
    await execute(state.connection, createPool);
    secret = path.join(state.warehouse.dataDir, 'secret.txt');
    await writeFile(secret, 'the warehouse data\n');
  });

  it('runs as nobody, not as the warehouse user', async () => {
    const { error, log } = await job.run('id -u; id -g');
    expect(error).toBeNull();
    expect(log.split('\n')).toEqual([String(SANDBOX_UID), String(SANDBOX_UID)]);
  });

  it('cannot read the warehouse data directory, which shows empty', async () => {
    const { error, log } = await job.run(`ls -A ${state.warehouse.dataDir}/databases; cat ${secret}`);
    expect(error).toMatch(/ended with status FAILED: Container main of instance 0: Failed: exit code 1/);
    expect(log).toMatch(/No such file or directory/);
    expect(log).not.toContain('the warehouse data');
    expect(log).not.toContain('.duckdb');
  });

  it('cannot write outside its scratch folder: image, data directory, system', async () => {
    const targets = [path.join(BUILT_IN_IMAGES_DIR, 'flurry_test', 'pwned'), path.join(state.warehouse.dataDir, 'pwned'), '/usr/pwned'];
    const { error, log } = await job.run(targets.map((target) => `echo x > ${target} || echo "refused ${target}"`).join('; ') + '; exit 0');
    expect(error).toBeNull();
    for (const target of targets) {
      expect(log).toContain(`refused ${target}`);
      expect(existsSync(target)).toBe(false);
    }
  });

  it('writes in its scratch folder (HOME), where the host sees the file, but not in another job\'s', async () => {
    const first = await job.run('echo "$HOME"; echo kept > "$HOME/result.txt"; cat "$HOME/result.txt"');
    expect(first.error).toBeNull();
    const [home, content] = first.log.split('\n');
    expect(content).toBe('kept');
    expect(home.startsWith(state.warehouse.dataDir)).toBe(true);
    expect(statSync(path.join(home, 'result.txt')).uid).toBe(process.getuid?.() === 0 ? SANDBOX_UID : process.getuid?.());

    const second = await job.run(`cat ${home}/result.txt`);
    expect(second.error).toMatch(/Failed: exit code 1/);
    expect(second.log).not.toContain('kept');
  });

  it('keeps a SIGTERM handler\'s grace period: the container is signalled, not bwrap', async () => {
    const name = 'SANDBOX_CANCEL';
    const spec =
      'spec:\n  containers:\n  - name: main\n    image: /db/schema/repo/flurry_test:latest\n    args: ["--lines", "1", "--sleep", "30"]\n';
    await execute(state.connection, `EXECUTE JOB SERVICE IN COMPUTE POOL SANDBOX_POOL NAME = ${name} ASYNC = TRUE FROM SPECIFICATION $$\n${spec}$$`);
    const logs = async () => String(((await execute(state.connection, `SELECT SYSTEM$GET_SERVICE_LOGS('${name}', '0', 'main') AS L`)).rows as { L: string }[])[0].L);
    for (let attempt = 0; !(await logs()).includes('line 1'); attempt++) {
      if (attempt > 150) throw new Error('the job never logged line 1');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await execute(state.connection, `SELECT SYSTEM$CANCEL_JOB('${name}')`);
    for (let attempt = 0; ; attempt++) {
      const { rows } = await execute(state.connection, `SHOW SERVICE CONTAINERS IN SERVICE ${name}`);
      const row = (rows as { status: string; last_exit_code: number | null }[])[0];
      if (row.status !== 'READY' && row.status !== 'TERMINATING') {
        // 143 is the handler's own exit after SIGTERM; a killed sandbox would report 137.
        expect(row).toMatchObject({ status: 'FAILED', last_exit_code: 143 });
        break;
      }
      if (attempt > 150) throw new Error(`the job stayed ${row.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await logs()).toContain('terminating');
  });
});

describe('a warehouse that cannot sandbox', () => {
  let warehouse: TestWarehouse;
  let connection: Connection;

  afterAll(async () => {
    await destroy(connection);
    await warehouse.close();
  });

  it('still runs containers on loopback, as the warehouse user', async () => {
    warehouse = await startTestWarehouse({ bwrap: '/nonexistent/bwrap' });
    connection = await connect(warehouse.connectionOptions());
    await execute(connection, createPool);
    const { error, log } = await jobs(() => connection).run('id -u');
    expect(error).toBeNull();
    expect(log).toBe(String(process.getuid?.()));
  });

  it('refuses containers when bound to an address other machines reach, saying why', async () => {
    const exposed = await startTestWarehouse({ bwrap: '/nonexistent/bwrap', host: '0.0.0.0' });
    const client = await connect({ ...exposed.connectionOptions(), accessUrl: `http://127.0.0.1:${exposed.port}` });
    try {
      await execute(client, createPool);
      const spec = `spec:\n  containers:\n  - name: main\n    image: /db/schema/repo/flurry_test:latest\n`;
      const refused = execute(client, `EXECUTE JOB SERVICE IN COMPUTE POOL SANDBOX_POOL NAME = REFUSED FROM SPECIFICATION $$\n${spec}$$`);
      await expect(refused).rejects.toThrow(
        'Job containers are refused: the local warehouse listens on 0.0.0.0, reachable from other machines, and cannot sandbox ' +
          'containers (bubblewrap (bwrap) is not installed at /nonexistent/bwrap). Without a sandbox a job\'s command would run as ' +
          "the warehouse's own user. Install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap) and restart, or bind the warehouse to 127.0.0.1.",
      );
      expect((await execute(client, "SHOW JOB SERVICES LIKE 'REFUSED'")).rows).toEqual([]);
    } finally {
      await destroy(client);
      await exposed.close();
    }
  });
});
