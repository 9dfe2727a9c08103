/**
 * Runs a task action (run now, retry, resume, suspend, cancel) through its server action, then
 * re-reads what it changed: the runs always, the structure when a state changed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { runTaskAction } from '@/lib/actions/run-task-action';
import type { CancelOutcome } from '@/lib/domain/cancel-report';
import type { TaskAction } from '@/lib/domain/tasks/task-actions';
import { taskKeys } from '@/lib/queries';
import { callAction } from './call-action';

export function useTaskAction() {
  const queryClient = useQueryClient();

  const mutation = useMutation({
    mutationFn: (action: TaskAction) => callAction(() => runTaskAction(action)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });

  const result = mutation.data;
  const outcome: CancelOutcome | null = !result ? null : result.ok ? { tone: 'success', message: result.data.join(' ') } : { tone: 'error', message: result.error };

  return { run: mutation.mutate, pending: mutation.isPending, outcome, dismiss: mutation.reset };
}
