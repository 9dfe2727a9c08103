/**
 * The one shape every server action returns, so forms show errors the same way everywhere.
 * `fieldErrors` names the input field that is wrong (e.g. `sql`, `label`). `code` is the stable
 * kind of failure (lib/errors/codes.ts); every failure a server action returns carries it, and
 * only one the browser makes itself (the server did not answer) goes without.
 */
import type { ErrorCode } from '@/lib/errors/codes';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code?: ErrorCode; fieldErrors?: Record<string, string[]> };
