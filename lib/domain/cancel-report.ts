/** Words the outcome of cancelling jobs for the status message under the Cancel button. */
import { countOf, shortId } from './format';

export interface CancelReport {
  cancelled: string[];
  failed: { jobId: string; error: string }[];
}

export interface CancelOutcome {
  tone: 'success' | 'error';
  message: string;
}

export function describeCancelReport({ cancelled, failed }: CancelReport): CancelOutcome {
  const parts: string[] = [];
  if (cancelled.length > 0) parts.push(`Cancelled ${countOf(cancelled.length, 'job')}.`);
  for (const { jobId, error } of failed) parts.push(`Could not cancel ${shortId(jobId)}: ${error}`);
  return { tone: failed.length > 0 ? 'error' : 'success', message: parts.join(' ') || 'Nothing to cancel.' };
}
