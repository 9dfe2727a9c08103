/**
 * Runs the cancelJobs server action for the Jobs table and the detail page, refreshes what it
 * changed and words the outcome for a status message.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, useTransition } from 'react';
import { cancelJobs } from '@/lib/actions/cancel-jobs';
import { describeCancelReport, type CancelOutcome } from '@/lib/domain/cancel-report';
import { jobKeys } from '@/lib/queries';

export function useCancelJobs() {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<CancelOutcome | null>(null);

  /** `onDone` gets the ids that were cancelled, so a caller can keep the failures selected. */
  const cancel = (jobIds: string[], onDone?: (cancelled: string[]) => void) => {
    setOutcome(null);
    startTransition(async () => {
      let cancelled: string[] = [];
      try {
        const result = await cancelJobs({ jobIds });
        if (result.ok) cancelled = result.data.cancelled;
        setOutcome(result.ok ? describeCancelReport(result.data) : { tone: 'error', message: result.error });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        setOutcome({ tone: 'error', message: `The dashboard server did not answer: ${reason}` });
      }
      // The change stream will say so too; refreshing now shows the result without waiting for it.
      await queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      await Promise.all(jobIds.map((id) => queryClient.invalidateQueries({ queryKey: jobKeys.detail(id) })));
      onDone?.(cancelled);
    });
  };

  return { cancel, pending, outcome, dismiss: () => setOutcome(null) };
}
