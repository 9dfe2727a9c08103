import 'server-only';
/** Whether the configured warehouse answers, and who the dashboard is to it. */
import type { Health } from '@/lib/domain/job';
import type { WarehouseCalls } from './calls';

/** The role and warehouse change only by configuration; reading them once in a while is enough. */
const IDENTITY_TTL_MS = 5 * 60_000;

type Identity = { role: string | null; warehouseName: string | null };
// Keyed by the pool's target: every route handler makes its own calls over the one pool.
const identities = new WeakMap<WarehouseCalls['target'], { identity: Identity; readAt: number }>();

/** The sessions' role and warehouse as the warehouse reports them, else as configured. */
async function identityOf(calls: WarehouseCalls, now: number): Promise<Identity> {
  const cached = identities.get(calls.target);
  if (cached && now - cached.readAt < IDENTITY_TTL_MS) return cached.identity;
  try {
    const identity = await calls.identity();
    identities.set(calls.target, { identity, readAt: now });
    return identity;
  } catch {
    // The heartbeat said the warehouse answers; a refused identity read is no reason to say otherwise.
    return { role: calls.target.role, warehouseName: calls.target.warehouseName };
  }
}

export async function checkHealth(calls: WarehouseCalls, now = Date.now()): Promise<Health> {
  const { warehouse, account, user, role, warehouseName } = calls.target;
  try {
    await calls.ping();
    return { warehouse, ok: true, account, user, ...(await identityOf(calls, now)), error: null };
  } catch (error) {
    return { warehouse, ok: false, account, user, role, warehouseName, error: error instanceof Error ? error.message : String(error) };
  }
}
