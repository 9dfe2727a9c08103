/**
 * What a batch needs next, from the state of its jobs. One rule for every moment it is asked:
 * right after a launch, when a statement ends, after a cancel, and when the dashboard restarts
 * with jobs still WAITING in its registry.
 */
import type { BatchMode } from './job';
import { FLURRY_STATUSES, isTerminal, type Phase } from './status';

export interface StepJob {
  id: string;
  position: number;
  rawStatus: string;
  phase: Phase;
}

export interface BatchStep {
  /** Jobs to submit now (in position order). */
  submit: string[];
  /** Jobs that will never run because a statement before them failed or was cancelled. */
  skip: string[];
}

const isWaiting = (job: StepJob) => job.rawStatus === FLURRY_STATUSES.WAITING;

export function batchStep(mode: BatchMode, jobs: readonly StepJob[]): BatchStep {
  const ordered = [...jobs].sort((a, b) => a.position - b.position);
  if (mode === 'parallel') return { submit: ordered.filter(isWaiting).map((job) => job.id), skip: [] };

  for (const [index, job] of ordered.entries()) {
    if (job.phase === 'succeeded') continue;
    if (isWaiting(job)) return { submit: [job.id], skip: [] };
    if (!isTerminal(job.phase)) break;
    // A sequence stops at its first statement that did not succeed.
    return { submit: [], skip: ordered.slice(index + 1).filter(isWaiting).map((later) => later.id) };
  }
  return { submit: [], skip: [] };
}
