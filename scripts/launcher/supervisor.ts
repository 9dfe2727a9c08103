/**
 * Keeps the launcher's processes running, each on its own: when one exits without being asked
 * to, only that one is started again (after the restart policy's back-off), so a crashed
 * dashboard does not take the warehouse's running queries and jobs with it, and a crashed
 * warehouse leaves the dashboard up to show the outage. When a process keeps failing the
 * supervisor says which, how it last exited and what it last wrote to stderr, stops everything
 * and resolves `gaveUp`. `stop()` stops everything once, and nothing is restarted after it.
 */
import type { SchedulerClock } from '../../lib/local-warehouse/tasks/clock';
import { describeExit, type ExitStatus, type RunningProcess } from './processes';
import { DEFAULT_RESTART_POLICY, decideRestart, NO_CRASHES, type CrashHistory, type RestartPolicy } from './restart-policy';

export interface Service {
  name: string;
  launch(): RunningProcess;
  /** Resolves once the process answers; rejects when it exits first or never answers. */
  whenUp(process: RunningProcess): Promise<void>;
}

export interface GiveUp {
  name: string;
  exit: ExitStatus;
  crashes: number;
  withinMs: number;
  stderr: string[];
}

export interface SupervisorDeps {
  clock: SchedulerClock;
  log: (line: string) => void;
  policy?: RestartPolicy;
  /** How long a process has to exit after SIGTERM before it gets SIGKILL. */
  graceMs?: number;
}

interface Entry {
  service: Service;
  process: RunningProcess;
  alive: boolean;
  startedAt: number;
  history: CrashHistory;
  /** Set once the first start answered: a process that never came up is not retried. */
  supervised: boolean;
  cancelRestart: (() => void) | null;
}

export class Supervisor {
  readonly gaveUp: Promise<GiveUp>;
  private resolveGaveUp!: (giveUp: GiveUp) => void;
  private readonly entries: Entry[] = [];
  private stopping: Promise<void> | null = null;

  constructor(private readonly deps: SupervisorDeps) {
    this.gaveUp = new Promise((resolve) => (this.resolveGaveUp = resolve));
  }

  /**
   * Starts `service` and waits until it answers. A first start that fails rejects and is not
   * retried (what stops it now would stop it again); from then on every exit is restarted.
   */
  async start(service: Service): Promise<void> {
    if (this.stopping) throw new Error(`not starting the ${service.name}: the launcher is stopping`);
    const entry: Entry = {
      service,
      process: undefined as unknown as RunningProcess,
      alive: false,
      startedAt: 0,
      history: NO_CRASHES,
      supervised: false,
      cancelRestart: null,
    };
    this.entries.push(entry);
    this.launch(entry);
    await service.whenUp(entry.process);
    entry.supervised = true;
  }

  /** The process now running for `name`, or the one that last exited. */
  current(name: string): RunningProcess | undefined {
    return this.entries.find((entry) => entry.service.name === name)?.process;
  }

  /** SIGTERM to every process, SIGKILL to those still there after the grace period. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  private async stopAll(): Promise<void> {
    const { clock, graceMs = 10_000 } = this.deps;
    for (const entry of this.entries) entry.cancelRestart?.();
    const processes = this.entries.map((entry) => entry.process);
    for (const process of processes) process.kill('SIGTERM');
    const cancelKill = clock.at(clock.now() + graceMs, () => {
      for (const process of processes) process.kill('SIGKILL');
    });
    await Promise.all(processes.map((process) => process.exited));
    cancelKill();
  }

  private launch(entry: Entry): void {
    const process = entry.service.launch();
    entry.process = process;
    entry.alive = true;
    entry.startedAt = this.deps.clock.now();
    void process.exited.then((status) => {
      if (entry.process !== process) return;
      entry.alive = false;
      this.onExit(entry, status);
    });
  }

  private onExit(entry: Entry, status: ExitStatus): void {
    if (this.stopping || !entry.supervised) return;
    const { clock, log, policy = DEFAULT_RESTART_POLICY } = this.deps;
    const { name } = entry.service;
    const decision = decideRestart(entry.history, { startedAt: entry.startedAt, exitedAt: clock.now() }, policy);
    entry.history = decision.history;
    if (!decision.restart) {
      const giveUp: GiveUp = { name, exit: status, crashes: decision.crashes, withinMs: decision.withinMs, stderr: entry.process.stderrTail() };
      this.report(giveUp);
      void this.stop().then(() => this.resolveGaveUp(giveUp));
      return;
    }
    log(`flurry: the ${name} exited (${describeExit(status)}); restarting it in ${decision.delayMs / 1000} s.`);
    entry.cancelRestart = clock.at(clock.now() + decision.delayMs, () => {
      entry.cancelRestart = null;
      this.restart(entry);
    });
  }

  private restart(entry: Entry): void {
    const { log } = this.deps;
    const { name } = entry.service;
    this.launch(entry);
    const process = entry.process;
    log(`flurry: restarted the ${name} (pid ${process.pid}).`);
    entry.service.whenUp(process).then(
      () => log(`flurry: the ${name} answers again.`),
      (error: Error) => {
        // An exit before answering is reported as the next crash; only a silent one is news.
        if (!this.stopping && entry.process === process && entry.alive) log(`flurry: ${error.message}.`);
      },
    );
  }

  private report({ name, exit, crashes, withinMs, stderr }: GiveUp): void {
    const { log } = this.deps;
    log(`flurry: the ${name} exited ${crashes} times within ${Math.round(withinMs / 1000)} s; giving up and stopping everything.`);
    log(`flurry: its last exit: ${describeExit(exit)}.`);
    if (stderr.length === 0) log('flurry: it wrote nothing to stderr.');
    else log(`flurry: the last lines it wrote to stderr:\n${stderr.map((line) => `  ${line}`).join('\n')}`);
  }
}
