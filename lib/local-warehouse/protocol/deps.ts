import type { Engine } from '../engine/types';
import type { LoginThrottle } from './login-throttle';
import type { SessionStore } from './sessions';

/** What a new session starts with unless the login request names something else. */
export const SESSION_DEFAULTS = {
  database: 'FLURRY',
  schema: 'PUBLIC',
  warehouse: 'COMPUTE_WH',
  role: 'ACCOUNTADMIN',
} as const;

/** Everything the route handlers share. */
export interface ProtocolDeps {
  engine: Engine;
  sessions: SessionStore;
  /** The only account name login accepts (compared case-insensitively, as Snowflake does). */
  account: string;
  /** How long a synchronous request waits for a query before answering 333333. */
  syncWaitMs: number;
  bodyLimitBytes: number;
  now: () => number;
  /** The one user and password a (non-OAuth) login must give; null accepts any. */
  credentials: { user: string; password: string } | null;
  /** Counts wrong passwords per client address and holds back an address past the limit. */
  loginThrottle: LoginThrottle;
}
