/**
 * A server action called from a mutation. When the call itself fails (the dashboard server is
 * down, the connection dropped) it settles as a failed result like any refusal, so every hook
 * handles one shape and words an unanswered call the same way.
 */

export interface Unanswered {
  ok: false;
  error: string;
}

export function callAction<R>(call: () => Promise<R>): Promise<R | Unanswered> {
  return call().catch((error: unknown): Unanswered => ({
    ok: false,
    error: `The dashboard server did not answer: ${error instanceof Error ? error.message : String(error)}`,
  }));
}
