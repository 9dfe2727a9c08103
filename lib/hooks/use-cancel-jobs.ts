/**
 * Runs the cancelJobs server action for the Jobs table and the detail page, refreshes what it
 * changed and words the outcome for a status message.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cancelJobs } from '@/lib/actions/cancel-jobs';
import { describeCancelReport, type CancelOutcome } from '@/lib/domain/cancel-report';
import { jobKeys } from '@/lib/queries';
import { callAction } from './call-action';

interface CancelCall {
  jobIds: string[];
  onDone?: (cancelled: string[]) => void;
}

export function useCancelJobs() {
  const queryClient = useQueryClient();

  const mutation = useMutation({
    mutationFn: ({ jobIds }: CancelCall) => callAction(() => cancelJobs({ jobIds })),
    onSuccess: async (result, { jobIds, onDone }) => {
      // The change stream will say so too; refreshing now shows the result without waiting for it.
      await queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      await Promise.all(jobIds.map((id) => queryClient.invalidateQueries({ queryKey: jobKeys.detail(id) })));
      onDone?.(result.ok ? result.data.cancelled : []);
    },
  });

  const result = mutation.data;
  const outcome: CancelOutcome | null = !result ? null : result.ok ? describeCancelReport(result.data) : { tone: 'error', message: result.error };

  /** `onDone` gets the ids that were cancelled, so a caller can keep the failures selected. */
  const cancel = (jobIds: string[], onDone?: (cancelled: string[]) => void) => mutation.mutate({ jobIds, onDone });

  return { cancel, pending: mutation.isPending, outcome, dismiss: mutation.reset };
}
