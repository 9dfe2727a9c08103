/**
 * Test support for engine tests: a fresh data directory per test, engines opened on it with
 * test defaults and closed afterwards, and helpers to run statements to their end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { createEngine } from './engine';
import type { Engine, EngineOptions, QueryRecord, SessionContext } from './types';

export function engineFixture() {
  const session: SessionContext = {
    sessionId: 1,
    user: 'ANALYST',
    role: 'PUBLIC',
    database: 'FLURRY',
    schema: 'PUBLIC',
    warehouse: 'LOCAL_WH',
    queryTag: 'flurry:test',
  };
  let dataDir = '';
  const engines: Engine[] = [];

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flurry-engine-'));
  });

  afterEach(async () => {
    // Closing twice is harmless, so tests may close an engine early to reopen its directory.
    await Promise.all(engines.splice(0).map((engine) => engine.close()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(options: Partial<EngineOptions> = {}): Promise<Engine> {
    const engine = await createEngine({
      dataDir,
      concurrency: 8,
      resultRetentionSeconds: 3600,
      defaultDatabase: 'FLURRY',
      defaultSchema: 'PUBLIC',
      defaultWarehouse: 'LOCAL_WH',
      ...options,
    });
    engines.push(engine);
    return engine;
  }

  async function submit(engine: Engine, sqlText: string, extra: Partial<SessionContext> = {}, requestId: string | null = null) {
    return engine.submit({ sqlText, requestId, session: { ...session, ...extra } });
  }

  /** Submit and wait for the query to end. */
  async function run(engine: Engine, sqlText: string, extra: Partial<SessionContext> = {}): Promise<QueryRecord> {
    const { id } = await submit(engine, sqlText, extra);
    const ended = await engine.waitForEnd(id, 20_000);
    if (!ended || ['QUEUED', 'RUNNING', 'ABORTING'].includes(ended.status)) throw new Error(`${sqlText} did not end`);
    return ended;
  }

  /** Run a query that must succeed and return its whole result as rows of wire strings. */
  async function rows(engine: Engine, sqlText: string, extra: Partial<SessionContext> = {}) {
    const record = await run(engine, sqlText, extra);
    expect(record.error, sqlText).toBeNull();
    const result = await engine.readResult(record.id);
    if (!result) throw new Error(`${sqlText} has no result`);
    return result;
  }

  async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  return { session, dataDir: () => dataDir, open, submit, run, rows, until };
}
