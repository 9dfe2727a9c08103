/**
 * Starts child processes, waits for them to answer, and stops them all together.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<number>;
}

export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Child {
  const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
  const exited = new Promise<number>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 0)));
    child.on('error', (error) => {
      console.error(`flurry: could not start the ${name}: ${error.message}`);
      resolve(1);
    });
  });
  return { name, process: child, exited };
}

/** Resolves once `url` answers at all (any HTTP status), or rejects after `timeoutMs`. */
export async function waitUntilAnswering(url: string, timeoutMs: number, child: Child): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let stopped = false;
  void child.exited.then(() => (stopped = true));
  while (Date.now() < deadline) {
    if (stopped) throw new Error(`the ${child.name} exited before it answered at ${url}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`the ${child.name} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** SIGTERM to every child, then SIGKILL to those still there after `graceMs`. */
export async function stopAll(children: Child[], graceMs = 10_000): Promise<void> {
  for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
  }, graceMs);
  await Promise.all(children.map((child) => child.exited));
  clearTimeout(timer);
}
