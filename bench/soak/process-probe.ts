/**
 * What a Node process of Flurry costs, read from outside: resident memory (/proc VmRSS), CPU
 * time (/proc stat), and its JavaScript heap and open sockets from a diagnostic report the
 * process writes on SIGUSR2 (started with `reportFlags`; Node's own --report-on-signal).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { processCpuMs, residentMiB } from '../cpu';

export interface ProcessSample {
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  /** TCP handles open in the process (listening socket, clients, warehouse connections). */
  tcpHandles: number;
  cpuMs: number;
}

/** NODE_OPTIONS that make a process write its report into `dir` on SIGUSR2. */
export function reportFlags(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return `--report-on-signal --report-signal=SIGUSR2 --report-directory=${dir}`;
}

interface NodeReport {
  javascriptHeap: { usedMemory: number; totalMemory: number };
  libuv: { type: string }[];
}

const MiB = 1024 * 1024;

/** Asks the process for a report and reads it (the report is written on its main thread, soon after). */
async function report(pid: number, dir: string): Promise<NodeReport> {
  for (const file of readdirSync(dir)) rmSync(`${dir}/${file}`, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 30_000; waited += 50) {
    await sleep(50);
    const [file] = readdirSync(dir).filter((name) => name.endsWith('.json'));
    if (!file) continue;
    try {
      return JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as NodeReport;
    } catch {
      // Still being written.
    }
  }
  throw new Error(`process ${pid} wrote no report in ${dir} within 30 s`);
}

export async function sampleProcess(pid: number, reportDir: string): Promise<ProcessSample> {
  const { javascriptHeap, libuv } = await report(pid, reportDir);
  return {
    rssMiB: residentMiB(pid),
    heapUsedMiB: javascriptHeap.usedMemory / MiB,
    heapTotalMiB: javascriptHeap.totalMemory / MiB,
    tcpHandles: libuv.filter((handle) => handle.type === 'tcp').length,
    cpuMs: processCpuMs(pid),
  };
}
