'use server';
/** Cancels the jobs selected in the Jobs table or shown on a detail page. */
import { z } from '@/lib/domain/validation/zod';
import { describeCancelReport } from '@/lib/domain/cancel-report';
import { countOf } from '@/lib/domain/format';
import { cancelJobs as cancel, type CancelJobsReport } from '@/lib/jobs';
import type { ActionResult } from './action-result';
import { runAction } from './errors';

/** More than a page of the Jobs table can select at once. */
const MAX_JOBS_PER_CANCEL = 1_000;

const cancelJobsSchema = z.object({
  jobIds: z
    .array(z.uuid('A job id is a UUID, as the Jobs table shows it.'))
    .min(1, 'Select at least one job to cancel.')
    .max(MAX_JOBS_PER_CANCEL, `Cancel at most ${MAX_JOBS_PER_CANCEL} jobs at once.`),
});

export async function cancelJobs(input: z.input<typeof cancelJobsSchema>): Promise<ActionResult<CancelJobsReport>> {
  return runAction(
    {
      action: 'cancel-jobs',
      access: 'change',
      schema: cancelJobsSchema,
      audit: ({ jobIds }, report) => ({
        target: countOf(jobIds.length, 'job'),
        detail: `${jobIds.join(', ')}${report ? `\n${describeCancelReport(report).message}` : ''}`,
      }),
    },
    input,
    ({ jobIds }) => cancel(jobIds),
  );
}
