/**
 * Runs a Launch form's server action: problems land on the form's fields (or, when they name a
 * field the form does not show, in one message), success refreshes the Jobs lists and opens
 * where the new jobs can be watched.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import type { LaunchResult } from '@/lib/jobs/launch';
import { jobKeys } from '@/lib/queries';

export type FieldErrors = Partial<Record<string, string[]>>;

export function useLaunch(formFields: readonly string[]) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const launch = (action: () => Promise<ActionResult<LaunchResult>>, destination: (launched: LaunchResult) => string) => {
    setFormError(null);
    startTransition(async () => {
      const result = await action().catch(
        (error: unknown): ActionResult<never> => ({
          ok: false,
          error: `The dashboard server did not answer: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
      if (!result.ok) {
        const errors = result.fieldErrors ?? {};
        setFieldErrors(errors);
        // An error about a field the form does not show must still reach the user.
        if (!formFields.some((field) => errors[field]?.length)) setFormError(result.error);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      router.push(destination(result.data));
    });
  };

  return { launch, pending, fieldErrors, setFieldErrors, formError, setFormError };
}
