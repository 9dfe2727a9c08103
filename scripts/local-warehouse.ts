/**
 * The local warehouse process: `node --conditions=react-server --import tsx scripts/local-warehouse.ts`
 * (the condition makes `server-only` an empty module outside Next). The warehouse itself
 * (lib/local-warehouse) takes its settings as an argument and depends on nothing of the
 * dashboard's; this entry point reads them from the project's one configuration module.
 */
import { config } from '@/lib/config';
import { threadPoolSizeFor } from '@/lib/local-warehouse/engine/thread-pool';
import { isRelaunched, onParentGone, relaunchWithThreadPool } from '@/lib/local-warehouse/relaunch';

function readSettings() {
  try {
    return config().localWarehouse;
  } catch (error) {
    console.error(`Local warehouse: ${(error as Error).message}`);
    process.exit(1);
  }
}

const settings = readSettings();

async function serve(): Promise<void> {
  // Imported here so DuckDB loads only in the process whose thread pool is sized for it.
  const { startLocalWarehouse } = await import('@/lib/local-warehouse/server');
  const warehouse = await startLocalWarehouse(settings);
  console.log(`Local warehouse listening on ${warehouse.url} (account ${settings.account})`);

  let stopping = false;
  const shutdown = async (reason: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    try {
      await warehouse.close();
      process.exit(0);
    } catch (error) {
      console.error(`Local warehouse: shutdown on ${reason} failed:`, error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  onParentGone(() => void shutdown('the parent process exiting'));
}

// The launcher sizes the pool up front; run directly, the process relaunches itself sized.
if (isRelaunched() || settings.threadPoolSize >= threadPoolSizeFor(settings.concurrency)) {
  await serve().catch((error: Error) => {
    console.error(`Local warehouse: could not start on ${settings.host}:${settings.port}: ${error.message}`);
    process.exit(1);
  });
} else {
  relaunchWithThreadPool(threadPoolSizeFor(settings.concurrency));
}
