/** CPU time and memory of processes and the machine's load, for benches that report what work costs each side. */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/** Linux's USER_HZ: /proc reports CPU time in ticks of 10 ms. */
const MS_PER_TICK = 10;

/** CPU time (user + system) another process has used so far, in ms, from /proc (10 ms steps). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may itself contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  return (utime + stime) * MS_PER_TICK;
}

/** CPU time (user + system) this process has used so far, in ms. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The machine's 1-minute load average against its cores, printed with figures that other work skews. */
export function loadText(): string {
  return `load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;
}

/** Resident memory of a process on this machine, in MiB (Linux /proc). */
export function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kib / 1024;
}
