/**
 * The one shape every server action returns, so forms show errors the same way everywhere.
 * `fieldErrors` names the input field that is wrong (e.g. `sql`, `label`).
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };
