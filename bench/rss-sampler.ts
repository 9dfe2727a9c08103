/**
 * Samples a process's resident memory at a fixed interval on a worker thread, apart from the
 * main thread's event loop (which a benchmark keeps busy, so its own timers would fire late).
 * `stop()` resolves with the peak and the number of samples taken.
 *
 * The worker's code is plain JavaScript given as a string: the TypeScript loader the benchmark
 * runs under (tsx) does not reach worker threads on Node 20.
 */
import { Worker } from 'node:worker_threads';

export interface RssSamples {
  peakMiB: number;
  samples: number;
}

const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { pid, intervalMs } = workerData;
const residentMiB = () => Number(/VmRSS:\\s+(\\d+)/.exec(readFileSync('/proc/' + pid + '/status', 'utf8'))[1]) / 1024;
let peakMiB = residentMiB();
let samples = 1;
const timer = setInterval(() => {
  peakMiB = Math.max(peakMiB, residentMiB());
  samples += 1;
}, intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  parentPort.postMessage({ peakMiB: Math.max(peakMiB, residentMiB()), samples });
});
`;

export function sampleRss(pid: number, intervalMs: number): { stop(): Promise<RssSamples> } {
  const worker = new Worker(SAMPLER, { eval: true, workerData: { pid, intervalMs } });
  const result = new Promise<RssSamples>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  // Reported by stop(); until then a failure must not end the process as an unhandled rejection.
  result.catch(() => {});
  return {
    async stop() {
      worker.postMessage('stop');
      const samples = await result;
      await worker.terminate();
      return samples;
    },
  };
}
