/**
 * One container instance, run as a local child process in its own process group (so a stop
 * reaches everything the container started, as stopping a real container does). Its stdout and
 * stderr go line by line to a ContainerLog; its status follows SHOW SERVICE CONTAINERS
 * (https://docs.snowflake.com/en/sql-reference/sql/show-service-containers-in-service): PENDING → READY (running) → DONE (exit 0) or
 * FAILED (non-zero exit), with TERMINATING between a stop and the exit.
 *
 * Stop follows SPCS (https://docs.snowflake.com/en/developer-guide/snowpark-container-services/working-with-services): SIGTERM to the group, then SIGKILL once the grace period (Snowflake:
 * 30 s) has passed. When the warehouse process exits, every container still running is killed,
 * so none outlives it.
 *
 * A sandboxed container (sandbox.ts) is bwrap's child, in a process group of its own that bwrap
 * names on SANDBOX_INFO_FD. SIGTERM goes to that group only: bwrap itself would die of it and take
 * the container down at once, before its grace period. SIGKILL goes to both groups.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { ContainerLog, MAX_LINE_CHARS, type LogLine, type LogStream } from './container-log';
import { OutputLines } from './output-lines';
import { SANDBOX_INFO_FD } from './sandbox';

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
  /** `argv` runs the container in bwrap, which reports its process group on SANDBOX_INFO_FD. */
  sandboxed?: boolean;
  /** The container's own program, as messages name it: `argv[0]` is bwrap's when sandboxed. */
  program?: string;
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
  /** A sandboxed container's own process group, once bwrap has named it. */
  private sandboxGroup: number | null = null;
  /** A SIGTERM asked for before bwrap named the group. */
  private termPending = false;
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
    const cannotStart = (error: Error) => `Could not start ${JSON.stringify(this.launch.program ?? program)}: ${error.message}`;
    let child: ChildProcess;
    try {
      child = spawn(program, args, {
        cwd: this.launch.cwd,
        // Next's typings make NODE_ENV a required ProcessEnv key; a container's environment has none.
        env: this.launch.env as NodeJS.ProcessEnv,
        detached: true,
        stdio: this.launch.sandboxed ? ['ignore', 'pipe', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe'],
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
    if (this.launch.sandboxed) this.readSandboxGroup(child.stdio[SANDBOX_INFO_FD] as NodeJS.ReadableStream);
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

  /** Signals the whole process group (a sandbox's: see above); a group already gone is not an error. */
  kill(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    const groups = !this.launch.sandboxed ? [pid] : signal === 'SIGKILL' ? [this.sandboxGroup, pid] : [this.sandboxGroup];
    if (groups[0] === null && signal !== 'SIGKILL') this.termPending = true;
    for (const group of groups) {
      if (group === null) continue;
      try {
        process.kill(-group, signal);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    }
  }

  private readSandboxGroup(stream: NodeJS.ReadableStream): void {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (text += chunk));
    stream.on('end', () => {
      // Nothing or something else than bwrap's JSON: bwrap failed before starting the container.
      const pid = Number(/"child-pid"\s*:\s*(\d+)/.exec(text)?.[1]);
      if (!Number.isInteger(pid) || pid <= 0) return;
      this.sandboxGroup = pid;
      if (this.termPending && this.current.endTime === null) this.kill('SIGTERM');
    });
  }

  private capture(stream: NodeJS.ReadableStream, name: LogStream): void {
    // One character past the log's own limit, so the log sees a long line as one and marks it cut.
    const lines = new OutputLines(MAX_LINE_CHARS + 1, (line) => this.log.append(name, line));
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => lines.push(chunk));
    stream.on('end', () => lines.end());
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
