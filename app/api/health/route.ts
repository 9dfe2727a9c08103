import type { HealthReport } from '@/lib/domain/job';
import { answer, json } from '@/lib/http/responses';
import { checkHealth } from '@/lib/warehouse/health';
import { warehouse } from '@/lib/warehouse/calls';
import { ownStatementsToday } from '@/lib/warehouse/own-statements';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Health: which warehouse, and whether it answers (503 with the same body when it does not),
 * with today's (UTC) tally of the statements Flurry ran for its own bookkeeping.
 */
export function GET(): Promise<Response> {
  return answer(async () => {
    const health = await checkHealth(warehouse());
    const report: HealthReport = { ...health, ownStatements: ownStatementsToday() };
    return json(report, health.ok ? 200 : 503);
  });
}
