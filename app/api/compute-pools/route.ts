import { answer, json } from '@/lib/http/responses';
import { computePools } from '@/lib/jobs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** ComputePool[]: SHOW COMPUTE POOLS, for the Launch form's picker. */
export function GET(): Promise<Response> {
  return answer(async () => json(await computePools()));
}
