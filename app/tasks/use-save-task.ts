/**
 * Saves the task form through its server action: a refusal is shown on the form, success
 * re-reads the tasks and opens the task's graph.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { saveTask } from '@/lib/actions/save-task';
import { callAction } from '@/lib/hooks/call-action';
import { taskKeys } from '@/lib/queries';
import { taskGraphHref } from './task-links';

export function useSaveTask() {
  const router = useRouter();
  const queryClient = useQueryClient();

  const mutation = useMutation({
    mutationFn: (request: Parameters<typeof saveTask>[0]) => callAction(() => saveTask(request)),
    onSuccess: async (result) => {
      if (!result.ok) return;
      await queryClient.invalidateQueries({ queryKey: taskKeys.all });
      router.push(taskGraphHref(result.data.name));
    },
  });

  return {
    save: mutation.mutate,
    // A save that succeeded is leaving the page: the form stays busy until it has left.
    saving: mutation.isPending || mutation.data?.ok === true,
    error: mutation.data?.ok === false ? mutation.data.error : null,
  };
}
