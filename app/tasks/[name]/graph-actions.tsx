'use client';
import { useState } from 'react';
import { ChangeControls } from '@/components/access';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { OutcomeMessage } from '@/components/outcome-message';
import type { GraphRunView } from '@/lib/domain/tasks/graph-runs';
import type { TaskDefinition } from '@/lib/domain/tasks/task-definition';
import { useTaskAction } from '@/lib/hooks/use-task-action';

/**
 * What can be done to a graph from its page: run it now, retry its last run when that failed or
 * was cancelled, resume its root with every dependent (SYSTEM$TASK_DEPENDENTS_ENABLE) or suspend
 * the root, and cancel its ongoing runs.
 */
export function GraphActions({ root, latest, executing }: { root: TaskDefinition; latest: GraphRunView | null; executing: boolean }) {
  const { run, pending, outcome, dismiss } = useTaskAction();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const retryable = latest !== null && (latest.state === 'FAILED' || latest.state === 'CANCELLED');
  const act = (kind: Parameters<typeof run>[0]['kind']) => run({ kind, root: root.name });

  return (
    <div className="space-y-2">
      <ChangeControls note>
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" onClick={() => act('execute')} disabled={pending}>
            Run now
          </Button>
          <Button variant="secondary" onClick={() => act('retry_last')} disabled={pending || !retryable} title={retryable ? undefined : 'The last run did not fail or get cancelled.'}>
            Retry last run
          </Button>
          {root.state === 'started' ? (
            <Button variant="secondary" onClick={() => act('suspend')} disabled={pending}>
              Suspend
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => act('resume')} disabled={pending}>
              Resume with dependents
            </Button>
          )}
          <Button variant="danger" onClick={() => setConfirmCancel(true)} disabled={pending || !executing}>
            Cancel runs
          </Button>
        </div>
      </ChangeControls>
      <OutcomeMessage outcome={outcome} onDismiss={dismiss} />
      <ConfirmDialog
        open={confirmCancel}
        title="Cancel the running tasks?"
        confirmLabel="Cancel runs"
        cancelLabel="Keep running"
        onConfirm={() => {
          setConfirmCancel(false);
          act('cancel_runs');
        }}
        onClose={() => setConfirmCancel(false)}
      >
        Every task of {root.shortName}&apos;s graph that is running now is cancelled; only its finalizer still runs.
      </ConfirmDialog>
    </div>
  );
}
