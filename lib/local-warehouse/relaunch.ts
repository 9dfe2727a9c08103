/**
 * libuv sizes its thread pool once, the first time anything uses it, and Node's ESM loader uses
 * it while loading the entry module: setting UV_THREADPOOL_SIZE from inside the process is too
 * late (measured on Node 20: the pool stays at 4). DuckDB's node binding runs every query on
 * that pool, so the warehouse process starts a copy of itself with the variable set.
 */
import { spawn } from 'node:child_process';

/** Marks the relaunched copy, which must not relaunch again. */
export const RELAUNCHED_FLAG = '--uv-threadpool-sized';

export function isRelaunched(): boolean {
  return process.argv.includes(RELAUNCHED_FLAG);
}

/**
 * Runs this same entry again with UV_THREADPOOL_SIZE = `size`, passes SIGINT/SIGTERM on and
 * exits with the copy's exit code. The IPC channel lets the copy notice if this process dies
 * without a signal it could forward (SIGKILL), so it never lingers holding the port.
 */
export function relaunchWithThreadPool(size: number): void {
  process.env.UV_THREADPOOL_SIZE = String(size);
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1), RELAUNCHED_FLAG], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 0)));
  child.on('error', (error) => {
    console.error(`Local warehouse: could not start its worker process: ${error.message}`);
    process.exit(1);
  });
}

/** In the relaunched copy: run `shutdown` when the parent goes away. */
export function onParentGone(shutdown: () => void): void {
  process.on('disconnect', shutdown);
}
