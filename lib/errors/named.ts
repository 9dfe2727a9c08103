/**
 * Recognises this project's errors by the `name` each class sets, not by `instanceof`. Next.js
 * loads server actions, route handlers and the process's shared singletons (the token checker,
 * the warehouse pool, the tracker: lib/runtime/process-singleton.ts) as separate module graphs,
 * each with its own copy of every class: an error made in one graph is not an `instanceof` the
 * class another graph imported, and would be reported as an unexpected failure. Every copy sets
 * the same name. Each error module defines its guards with this, beside its classes.
 */
export function errorNamed<T extends Error>(name: string): (error: unknown) => error is T {
  return (error): error is T => typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}
