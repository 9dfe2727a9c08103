/**
 * Runs a task action (run now, retry, resume, suspend, cancel) through its server action, then
 * re-reads what it changed: the runs always, the structure when a state changed.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, useTransition } from 'react';
import { runTaskAction } from '@/lib/actions/run-task-action';
import type { CancelOutcome } from '@/lib/domain/cancel-report';
import type { TaskAction } from '@/lib/domain/tasks/task-actions';
import { taskKeys } from '@/lib/queries';


export function useTaskAction() {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<CancelOutcome | null>(null);

  const run = (action: TaskAction) => {
    setOutcome(null);
    startTransition(async () => {
      try {
        const result = await runTaskAction(action);
        setOutcome(result.ok ? { tone: 'success', message: result.data.join(' ') } : { tone: 'error', message: result.error });
      } catch (error) {
        setOutcome({ tone: 'error', message: `The dashboard server did not answer: ${error instanceof Error ? error.message : String(error)}` });
      }
      await queryClient.invalidateQueries({ queryKey: taskKeys.all });
    });
  };

  return { run, pending, outcome, dismiss: () => setOutcome(null) };
}
