/**
 * The supervisor against fake processes and a manual clock: which process is restarted, when,
 * and when it gives up. `supervisor-processes.test.ts` does the same with real processes.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../test/manual-clock';
import type { ExitStatus, RunningProcess } from './processes';
import { Supervisor } from './supervisor';

class FakeProcess implements RunningProcess {
  readonly signals: NodeJS.Signals[] = [];
  readonly exited: Promise<ExitStatus>;
  private resolveExit!: (status: ExitStatus) => void;
  private hasExited = false;

  constructor(
    readonly pid: number,
    private readonly stderr: string[],
    /** Whether SIGTERM ends it; SIGKILL always does. */
    private readonly obeysSigterm: boolean,
  ) {
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  exit(status: ExitStatus): void {
    if (this.hasExited) return;
    this.hasExited = true;
    this.resolveExit(status);
  }

  kill(signal: NodeJS.Signals): void {
    if (this.hasExited) return;
    this.signals.push(signal);
    if (signal === 'SIGKILL' || this.obeysSigterm) this.exit({ code: null, signal });
  }

  stderrTail(): string[] {
    return this.stderr;
  }
}

/** A fake spawn: every launch of a service makes a new FakeProcess with the next pid. */
function fakeService(name: string, options: { stderr?: string[]; obeysSigterm?: boolean } = {}) {
  const launched: FakeProcess[] = [];
  let upCalls = 0;
  return {
    launched,
    upCalls: () => upCalls,
    latest: () => launched.at(-1)!,
    service: {
      name,
      launch: () => {
        const process = new FakeProcess(1000 + launched.length, options.stderr ?? [], options.obeysSigterm ?? true);
        launched.push(process);
        return process;
      },
      whenUp: async () => {
        upCalls++;
      },
    },
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function setUp(options: { warehouseStderr?: string[]; dashboardObeysSigterm?: boolean } = {}) {
  const clock = new ManualClock(0);
  const log: string[] = [];
  const supervisor = new Supervisor({ clock, log: (line) => log.push(line), graceMs: 10_000 });
  const warehouse = fakeService('local warehouse', { stderr: options.warehouseStderr });
  const dashboard = fakeService('dashboard', { obeysSigterm: options.dashboardObeysSigterm });
  await supervisor.start(warehouse.service);
  await supervisor.start(dashboard.service);
  const advance = (ms: number) => clock.advance(ms, settle);
  return { clock, log, supervisor, warehouse, dashboard, advance };
}

describe('Supervisor', () => {
  it('restarts a crashed dashboard after the back-off and leaves the warehouse alone', async () => {
    const { log, supervisor, warehouse, dashboard, advance } = await setUp();
    dashboard.latest().exit({ code: null, signal: 'SIGKILL' });
    await advance(499);
    expect(dashboard.launched).toHaveLength(1);
    await advance(1);
    expect(dashboard.launched).toHaveLength(2);
    expect(supervisor.current('dashboard')?.pid).toBe(1001);
    expect(dashboard.upCalls()).toBe(2);

    expect(warehouse.launched).toHaveLength(1);
    expect(warehouse.latest().signals).toEqual([]);
    expect(log).toEqual([
      'flurry: the dashboard exited (signal SIGKILL); restarting it in 0.5 s.',
      'flurry: restarted the dashboard (pid 1001).',
      'flurry: the dashboard answers again.',
    ]);
  });

  it('restarts a crashed warehouse and leaves the dashboard running', async () => {
    const { warehouse, dashboard, advance } = await setUp();
    warehouse.latest().exit({ code: 1, signal: null });
    await advance(500);
    expect(warehouse.launched).toHaveLength(2);
    expect(dashboard.launched).toHaveLength(1);
    expect(dashboard.latest().signals).toEqual([]);
  });

  it('backs off 0.5, 1, 2, 4 s between crashes in a row, and from 0.5 s again after a stable run', async () => {
    const { warehouse, advance } = await setUp();
    const restartDelays: number[] = [];
    for (let crash = 0; crash < 4; crash++) {
      const before = warehouse.launched.length;
      warehouse.latest().exit({ code: 1, signal: null });
      let waited = 0;
      while (warehouse.launched.length === before) {
        await advance(100);
        waited += 100;
      }
      restartDelays.push(waited);
    }
    expect(restartDelays).toEqual([500, 1000, 2000, 4000]);

    await advance(30_000);
    warehouse.latest().exit({ code: 1, signal: null });
    await advance(500);
    expect(warehouse.launched).toHaveLength(6);
  });

  it('gives up at the fifth crash within 60 s: names the process, its last exit and stderr, stops the other', async () => {
    const stderr = ['Local warehouse: could not start on 127.0.0.1:8080: listen EADDRINUSE'];
    const { log, supervisor, warehouse, dashboard, advance } = await setUp({ warehouseStderr: stderr });
    let gaveUp = false;
    void supervisor.gaveUp.then(() => (gaveUp = true));
    for (let crash = 0; crash < 4; crash++) {
      warehouse.latest().exit({ code: 1, signal: null });
      await advance(10_000);
    }
    expect(warehouse.launched).toHaveLength(5);
    expect(gaveUp).toBe(false);

    warehouse.latest().exit({ code: 7, signal: null });
    await advance(0);
    await expect(supervisor.gaveUp).resolves.toEqual({ name: 'local warehouse', exit: { code: 7, signal: null }, crashes: 5, withinMs: 40_000, stderr });
    expect(dashboard.latest().signals).toEqual(['SIGTERM']);
    expect(log.slice(-3)).toEqual([
      'flurry: the local warehouse exited 5 times within 40 s; giving up and stopping everything.',
      'flurry: its last exit: code 7.',
      `flurry: the last lines it wrote to stderr:\n  ${stderr[0]}`,
    ]);
    await advance(60_000);
    expect(warehouse.launched).toHaveLength(5);
  });

  it('stops once on stop(): SIGTERM to each running process, no restart of one waiting for it', async () => {
    const { log, supervisor, warehouse, dashboard, advance } = await setUp();
    warehouse.latest().exit({ code: null, signal: 'SIGKILL' });
    await advance(100);
    const stopped = supervisor.stop();
    expect(supervisor.stop()).toBe(stopped);
    await stopped;
    expect(dashboard.latest().signals).toEqual(['SIGTERM']);
    await advance(60_000);
    expect(warehouse.launched).toHaveLength(1);
    expect(dashboard.launched).toHaveLength(1);
    expect(log).toEqual(['flurry: the local warehouse exited (signal SIGKILL); restarting it in 0.5 s.']);
    await expect(supervisor.start(fakeService('late').service)).rejects.toThrow('not starting the late: the launcher is stopping');
  });

  it('sends SIGKILL to a process still there after the grace period', async () => {
    const { supervisor, dashboard, advance } = await setUp({ dashboardObeysSigterm: false });
    let stopped = false;
    void supervisor.stop().then(() => (stopped = true));
    await advance(9_999);
    expect(stopped).toBe(false);
    expect(dashboard.latest().signals).toEqual(['SIGTERM']);
    await advance(1);
    expect(dashboard.latest().signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(stopped).toBe(true);
  });

  it('does not retry a process whose first start failed: the caller hears why', async () => {
    const clock = new ManualClock(0);
    const supervisor = new Supervisor({ clock, log: () => {} });
    const warehouse = fakeService('local warehouse');
    const failing = {
      ...warehouse.service,
      whenUp: async (process: RunningProcess) => {
        (process as FakeProcess).exit({ code: 1, signal: null });
        throw new Error('the local warehouse exited before it answered at http://127.0.0.1:8080/');
      },
    };
    await expect(supervisor.start(failing)).rejects.toThrow('exited before it answered');
    await clock.advance(60_000, settle);
    expect(warehouse.launched).toHaveLength(1);
  });
});
