/**
 * Runs a Launch form's server action: problems land on the form's fields (or, when they name a
 * field the form does not show, in one message), success refreshes the Jobs lists and opens
 * where the new jobs can be watched.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionResult } from '@/lib/actions/action-result';
import type { LaunchResult } from '@/lib/domain/launch-result';
import { jobKeys } from '@/lib/queries';
import { callAction } from './call-action';

export type FieldErrors = Partial<Record<string, string[]>>;

interface LaunchCall {
  action: () => Promise<ActionResult<LaunchResult>>;
  destination: (launched: LaunchResult) => string;
}

export function useLaunch(formFields: readonly string[]) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: ({ action }: LaunchCall) => callAction(action),
    onMutate: () => setFormError(null),
    onSuccess: async (result, { destination }) => {
      if (!result.ok) {
        const errors = ('fieldErrors' in result ? result.fieldErrors : undefined) ?? {};
        setFieldErrors(errors);
        // An error about a field the form does not show must still reach the user.
        if (!formFields.some((field) => errors[field]?.length)) setFormError(result.error);
        return;
      }
      await queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      router.push(destination(result.data));
    },
  });

  const launch = (action: LaunchCall['action'], destination: LaunchCall['destination']) => mutation.mutate({ action, destination });
  // A launch that succeeded is leaving the page: the form stays busy until it has left.
  const pending = mutation.isPending || mutation.data?.ok === true;

  return { launch, pending, fieldErrors, setFieldErrors, formError, setFormError };
}
