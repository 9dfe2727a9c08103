/**
 * Starts the tracker when the Next.js server starts, so jobs that were running when the
 * dashboard stopped are watched again before anyone opens a page. Node runtime only: the
 * tracker needs DuckDB and snowflake-sdk. sharedTracker() guards against a second start
 * (register can run more than once, e.g. on dev reloads).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { sharedTracker } = await import('./lib/tracker');
  // Not awaited: a slow or absent warehouse must not hold up the server's start.
  sharedTracker().catch((error: unknown) => console.error('[flurry] the tracker did not start:', error));
}
