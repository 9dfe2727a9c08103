import 'server-only';
/** Whether the configured warehouse answers, and who the dashboard is to it. */
import type { Health } from '@/lib/domain/job';
import type { WarehouseCalls } from './calls';

export async function checkHealth(calls: WarehouseCalls): Promise<Health> {
  const { warehouse, account, user, role, warehouseName } = calls.target;
  try {
    await calls.ping();
    return { warehouse, ok: true, account, user, role, warehouseName, error: null };
  } catch (error) {
    return { warehouse, ok: false, account, user, role, warehouseName, error: error instanceof Error ? error.message : String(error) };
  }
}
