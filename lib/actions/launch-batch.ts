'use server';
/** Launches the statements of the Launch form as a batch of async queries. */
import { launchInputSchema, type LaunchInput } from '@/lib/domain/launch-input';
import { launchBatch as launch, type LaunchResult } from '@/lib/jobs';
import type { ActionResult } from './action-result';
import { runAction } from './errors';

export async function launchBatch(input: LaunchInput): Promise<ActionResult<LaunchResult>> {
  return runAction(launchInputSchema, input, launch);
}
