import { answer, json } from '@/lib/http/responses';
import { checkHealth } from '@/lib/warehouse/health';
import { warehouse } from '@/lib/warehouse/calls';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Health: which warehouse, and whether it answers (503 with the same body when it does not). */
export function GET(): Promise<Response> {
  return answer(async () => {
    const health = await checkHealth(warehouse());
    return json(health, health.ok ? 200 : 503);
  });
}
