import type { CancelOutcome } from '@/lib/domain/cancel-report';

/** The result of an action, announced to screen readers, dismissible. */
export function OutcomeMessage({ outcome, onDismiss }: { outcome: CancelOutcome | null; onDismiss: () => void }) {
  return (
    <div role="status" aria-live="polite">
      {outcome ? (
        <div
          className={`flex items-start justify-between gap-3 rounded-md px-3 py-2 text-sm ${
            outcome.tone === 'success'
              ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200'
              : 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200'
          }`}
        >
          <span>{outcome.message}</span>
          <button type="button" onClick={onDismiss} aria-label="Dismiss message" className="px-1 opacity-70 hover:opacity-100">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
