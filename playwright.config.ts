import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { PORT, WAREHOUSE_PORT } from './e2e/ports';

// Every run gets fresh state. The config is evaluated again in each worker process; the
// variable makes all of them agree on the directory the first evaluation created.
process.env.FLURRY_E2E_RUN_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'flurry-e2e-'));
const runDir = process.env.FLURRY_E2E_RUN_DIR;
const snowflakeHome = path.join(runDir, 'snowflake-home');
mkdirSync(snowflakeHome, { recursive: true });

export default defineConfig({
  testDir: 'e2e',
  // One dashboard and one warehouse serve every test, on two shared cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  outputDir: path.join(runDir, 'test-results'),
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Playwright's own browser download is not available offline; Debian's chromium is.
        launchOptions: {
          executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node scripts/start.mjs',
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(PORT),
      FLURRY_WAREHOUSE_PORT: String(WAREHOUSE_PORT),
      FLURRY_DATA_DIR: path.join(runDir, 'data'),
      // No connections.toml and no account: the tests always run on the local warehouse.
      SNOWFLAKE_HOME: snowflakeHome,
      SNOWFLAKE_ACCOUNT: '',
      SNOWFLAKE_DEFAULT_CONNECTION_NAME: '',
    },
  },
});
