/**
 * Starts the launcher's child processes and waits for them to answer. Each child's stderr is
 * passed through to the terminal and its last lines are kept, so that when the launcher gives up
 * on a process it can show why it kept failing.
 */
import { spawn } from 'node:child_process';
import type { SchedulerClock } from '../../lib/local-warehouse/tasks/clock';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A started process as the supervisor sees it; tests stand in fakes for it. */
export interface RunningProcess {
  readonly pid: number | undefined;
  /** Resolves once, when the process has exited (or could not start); never rejects. */
  readonly exited: Promise<ExitStatus>;
  kill(signal: NodeJS.Signals): void;
  /** The last lines it wrote to stderr, oldest first. */
  stderrTail(): string[];
}

export interface Command {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function describeExit({ code, signal }: ExitStatus): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}

/** The last `size` complete or partial lines of a stream, fed in chunks. */
export class LineTail {
  private lines: string[] = [''];

  constructor(private readonly size: number) {}

  push(chunk: string): void {
    const parts = chunk.split('\n');
    this.lines[this.lines.length - 1] += parts[0];
    this.lines.push(...parts.slice(1));
    if (this.lines.length > this.size + 1) this.lines.splice(0, this.lines.length - this.size - 1);
  }

  read(): string[] {
    const lines = this.lines.at(-1) === '' ? this.lines.slice(0, -1) : this.lines;
    return lines.slice(-this.size);
  }
}

/**
 * Real time, with timers that keep the process alive: while a lone crashed process waits for its
 * restart, the pending timer is all the launcher has (the task engine's systemClock unrefs its).
 */
export const launcherClock: SchedulerClock = {
  now: Date.now,
  at(at, fn) {
    const timer = setTimeout(fn, Math.max(0, at - Date.now()));
    return () => clearTimeout(timer);
  },
};

const STDERR_TAIL_LINES = 20;

export function spawnProcess(name: string, { command, args, env, cwd }: Command): RunningProcess {
  const child = spawn(command, args, { cwd, env, stdio: ['inherit', 'inherit', 'pipe'] });
  const tail = new LineTail(STDERR_TAIL_LINES);
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    process.stderr.write(chunk);
    tail.push(chunk);
  });
  const exited = new Promise<ExitStatus>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error) => {
      tail.push(`flurry: could not start the ${name}: ${error.message}\n`);
      console.error(`flurry: could not start the ${name}: ${error.message}`);
      resolve({ code: 1, signal: null });
    });
  });
  return {
    pid: child.pid,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    stderrTail: () => tail.read(),
  };
}

/** Resolves once `url` answers at all (any HTTP status), or rejects after `timeoutMs`. */
export async function waitUntilAnswering(url: string, timeoutMs: number, name: string, child: RunningProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let stopped = false;
  void child.exited.then(() => (stopped = true));
  while (Date.now() < deadline) {
    if (stopped) throw new Error(`the ${name} exited before it answered at ${url}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`the ${name} did not answer at ${url} within ${timeoutMs / 1000} s`);
}
