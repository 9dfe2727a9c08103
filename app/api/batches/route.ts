import { answer, json } from '@/lib/http/responses';
import { registry } from '@/lib/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const RECENT_BATCHES = 50;

/** `{ batches: Batch[] }`, newest first. */
export function GET(): Promise<Response> {
  return answer(async () => json({ batches: await (await registry()).listBatches(RECENT_BATCHES) }));
}
