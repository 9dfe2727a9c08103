/**
 * Runs once the Next.js server listens, before it serves anything. It refuses to go on when the
 * server is reachable from other machines without FLURRY_AUTH_TOKEN, or the settings are wrong,
 * by ending the process: `next start` logs an error thrown here and serves anyway. Then it starts
 * the tracker, so jobs that were running when the dashboard stopped are watched again before
 * anyone opens a page. Node runtime only: the tracker needs DuckDB and snowflake-sdk.
 * sharedTracker() guards against a second start (register can run more than once, e.g. on dev
 * reloads).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ config }, { assertListeningSafely }] = await Promise.all([import('./lib/config'), import('./lib/auth/listening-check')]);
  try {
    assertListeningSafely(config().dashboard.auth);
  } catch (error) {
    console.error(`flurry: refusing to start: ${(error as Error).message}`);
    process.exit(1);
  }
  const { sharedTracker } = await import('./lib/tracker');
  // Not awaited: a slow or absent warehouse must not hold up the server's start.
  sharedTracker().catch((error: unknown) => console.error('[flurry] the tracker did not start:', error));
}
