'use server';
/** Launches the statements of the Launch form as a batch of async queries. */
import { countOf } from '@/lib/domain/format';
import { launchInputSchema, type LaunchInput } from '@/lib/domain/launch-input';
import type { LaunchResult } from '@/lib/domain/launch-result';
import { launchBatch as launch } from '@/lib/jobs';
import type { ActionResult } from './action-result';
import { runAction } from './errors';

export async function launchBatch(input: LaunchInput): Promise<ActionResult<LaunchResult>> {
  return runAction(
    {
      action: 'launch-batch',
      access: 'change',
      schema: launchInputSchema,
      audit: ({ sql, mode, label }, result) => ({
        target: `${result ? `batch ${result.batchId} (${countOf(result.jobIds.length, 'query', 'queries')}, ${mode})` : `a batch (${mode})`}${label ? ` "${label}"` : ''}`,
        detail: sql,
      }),
    },
    input,
    launch,
  );
}
