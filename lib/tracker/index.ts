import 'server-only';
/**
 * The server's one tracker, one per process: instrumentation.ts starts it, the job services hand
 * it new work, and Next.js's separate bundles and dev reloads all find the same instance.
 */
import { config } from '@/lib/config';
import { registry } from '@/lib/registry';
import { warehouse } from '@/lib/warehouse/calls';
import { sharedEventBus } from './events';
import { Tracker } from './tracker';
import { trackerOptionsFor } from './tracker-options';
import { processSingletonAsync } from '@/lib/runtime/process-singleton';

export { Tracker } from './tracker';

/** The running tracker, started on first use. */
export function sharedTracker(): Promise<Tracker> {
  return processSingletonAsync('tracker', async () => {
    const tracker = new Tracker(trackerOptionsFor(config(), { registry: await registry(), warehouse: warehouse(), bus: sharedEventBus() }));
    await tracker.start();
    return tracker;
  });
}
