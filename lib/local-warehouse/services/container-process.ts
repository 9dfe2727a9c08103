/**
 * One container instance, run as a local child process in its own process group (so a stop
 * reaches everything the container started, as stopping a real container does). Its stdout and
 * stderr go line by line to a ContainerLog; its status follows SHOW SERVICE CONTAINERS
 * (shared/reference/spcs-and-tasks.md §1.3): PENDING → READY (running) → DONE (exit 0) or
 * FAILED (non-zero exit), with TERMINATING between a stop and the exit.
 *
 * Stop follows SPCS (§1.1): SIGTERM to the group, then SIGKILL once the grace period (Snowflake:
 * 30 s) has passed. When the warehouse process exits, every container still running is killed,
 * so none outlives it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { createInterface } from 'node:readline';
import { ContainerLog, type LogLine, type LogStream } from './container-log';

export type ContainerStatus = 'PENDING' | 'READY' | 'DONE' | 'FAILED' | 'TERMINATING';

export interface ContainerState {
  status: ContainerStatus;
  message: string;
  /** Epoch ms the process started; null until it has. */
  startTime: number | null;
  endTime: number | null;
  /** The exit code, 128 + signal number when a signal ended it (as Docker reports); null until it ends. */
  exitCode: number | null;
  /** Containers of a job are never restarted. */
  restartCount: 0;
}

export interface ContainerLaunch {
  /** The program and its arguments; a relative program path is relative to `cwd`. */
  argv: string[];
  cwd: string;
  /** The whole environment: nothing of the warehouse's own leaks in. */
  env: Record<string, string>;
  logFile: string;
  /** SIGTERM → SIGKILL delay on stop. */
  graceMs: number;
  logLimitBytes?: number;
}

export const SNOWFLAKE_GRACE_MS = 30_000;

const running = new Set<ContainerProcess>();
let exitHookInstalled = false;

/** The last line of defence against orphans: `exit` handlers must be synchronous, and kill is. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const container of running) container.kill('SIGKILL');
  });
}

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? constants.signals[signal] : 0);
}

export class ContainerProcess {
  private child: ChildProcess | null = null;
  private current: ContainerState = {
    status: 'PENDING',
    message: 'Waiting to start',
    startTime: null,
    endTime: null,
    exitCode: null,
    restartCount: 0,
  };
  private readonly log: ContainerLog;
  private stopRequested = false;
  private killTimer: NodeJS.Timeout | null = null;
  private resolveExited!: (state: ContainerState) => void;
  /** Resolves with the final state once the process has ended and its output is on disk. */
  readonly exited: Promise<ContainerState>;

  constructor(
    private readonly launch: ContainerLaunch,
    private readonly onChange: (state: ContainerState) => void = () => {},
  ) {
    this.log = new ContainerLog(launch.logFile, launch.logLimitBytes);
    this.exited = new Promise((resolve) => (this.resolveExited = resolve));
  }

  state(): ContainerState {
    return { ...this.current };
  }

  readLog(tail?: number): Promise<LogLine[]> {
    return this.log.read(tail);
  }

  start(): void {
    if (this.child || this.current.endTime !== null) return;
    installExitHook();
    const [program, ...args] = this.launch.argv;
    const cannotStart = (error: Error) => `Could not start ${JSON.stringify(program)}: ${error.message}`;
    let child: ChildProcess;
    try {
      child = spawn(program, args, {
        cwd: this.launch.cwd,
        // Next's typings make NODE_ENV a required ProcessEnv key; a container's environment has none.
        env: this.launch.env as NodeJS.ProcessEnv,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      // Some failures throw rather than emit 'error': E2BIG, arguments and environment larger than the system allows.
      const tooBig = (error as NodeJS.ErrnoException).code === 'E2BIG' ? ' (its arguments and environment are larger than the operating system allows)' : '';
      void this.finish(null, `${cannotStart(error as Error)}${tooBig}`);
      return;
    }
    this.child = child;
    running.add(this);
    this.capture(child.stdout!, 'stdout');
    this.capture(child.stderr!, 'stderr');
    child.once('spawn', () => {
      if (this.current.status === 'PENDING') this.update({ status: 'READY', message: 'Running', startTime: Date.now() });
    });
    child.once('error', (error) => {
      // Only a failed spawn ends here without 'close'; kill errors are handled where kill is called.
      if (child.pid === undefined) void this.finish(null, cannotStart(error));
    });
    // The container ends when its main process does: anything it left behind in the group goes too,
    // and only then do the pipes close.
    child.once('exit', () => this.kill('SIGKILL'));
    child.once('close', (code, signal) => void this.finish(exitCodeOf(code, signal), null));
  }

  /** SIGTERM now, SIGKILL after the grace period; resolves when the container has ended. */
  stop(): Promise<ContainerState> {
    if (this.current.endTime !== null) return this.exited;
    this.stopRequested = true;
    if (!this.child) {
      void this.finish(null, 'Stopped before it started');
      return this.exited;
    }
    if (this.current.status !== 'TERMINATING') {
      this.update({ status: 'TERMINATING', message: 'Stopping: SIGTERM sent' });
      this.kill('SIGTERM');
      this.killTimer = setTimeout(() => {
        this.log.append('stderr', `[flurry] still running ${this.launch.graceMs} ms after SIGTERM; sending SIGKILL`);
        this.kill('SIGKILL');
      }, this.launch.graceMs);
    }
    return this.exited;
  }

  /** Signals the whole process group; a group already gone is not an error. */
  kill(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }

  private capture(stream: NodeJS.ReadableStream, name: LogStream): void {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => this.log.append(name, line));
  }

  private async finish(exitCode: number | null, failure: string | null): Promise<void> {
    if (this.current.endTime !== null) return;
    if (this.killTimer) clearTimeout(this.killTimer);
    running.delete(this);
    const stopped = this.stopRequested ? 'Stopped by cancel' : null;
    const state: Partial<ContainerState> =
      exitCode === 0
        ? { status: 'DONE', message: stopped ?? 'Completed successfully' }
        : { status: 'FAILED', message: failure ?? `${stopped ?? 'Failed'}: exit code ${exitCode}` };
    this.current = { ...this.current, ...state, exitCode, endTime: Date.now() };
    await this.log.flush();
    this.onChange(this.state());
    this.resolveExited(this.state());
  }

  private update(change: Partial<ContainerState>): void {
    this.current = { ...this.current, ...change };
    this.onChange(this.state());
  }
}
