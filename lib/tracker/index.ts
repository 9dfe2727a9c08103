import 'server-only';
/**
 * The server's one tracker, on globalThis: instrumentation.ts starts it, the job services hand
 * it new work, and Next.js's separate bundles and dev reloads all find the same instance.
 */
import { config } from '@/lib/config';
import { registry } from '@/lib/registry';
import { warehouse } from '@/lib/warehouse/calls';
import { sharedEventBus } from './events';
import { Tracker } from './tracker';
import { trackerOptionsFor } from './tracker-options';

export { Tracker } from './tracker';

const KEY = Symbol.for('flurry.tracker');
type Holder = { [KEY]?: Promise<Tracker> };

/** The running tracker, started on first use. */
export function sharedTracker(): Promise<Tracker> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const tracker = new Tracker(trackerOptionsFor(config(), { registry: await registry(), warehouse: warehouse(), bus: sharedEventBus() }));
    await tracker.start();
    return tracker;
  })().catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}
