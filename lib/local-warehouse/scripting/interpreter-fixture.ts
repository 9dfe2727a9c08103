/**
 * Test support for the interpreter's tests: a block parsed by the real parser and run by
 * runBlock against a MemoryHost (closed after each test), driven on the host's virtual clock.
 */
import { afterEach, expect } from 'vitest';
import { parseBlock } from '@/lib/domain/scripting/parse-block';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import type { SnowflakeError } from '../engine/types';
import type { ScriptValue } from './host';
import { runBlock, type ScriptResult } from './interpreter';
import { MemoryHost, type ScriptedChild } from './memory-host';

export interface RunOptions {
  script?: (sql: string, host: MemoryHost) => ScriptedChild | undefined;
  args?: Record<string, ScriptValue>;
  /** Statements run on the host before the block (tables, rows). */
  setup?: string[];
}

export function interpreterFixture() {
  const hosts: MemoryHost[] = [];
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((host) => host.close()));
  });

  async function hostFor(options: RunOptions): Promise<MemoryHost> {
    // The setup runs as written, unscripted; the block's children are scripted.
    let self: MemoryHost | null = null;
    const host = await MemoryHost.create((sql) => (self ? options.script?.(sql, self) : undefined));
    hosts.push(host);
    for (const statement of options.setup ?? []) {
      const outcome = await host.start(statement).ended;
      expect(outcome.status, statement).toBe('SUCCESS');
    }
    host.started.length = 0;
    self = host;
    return host;
  }

  /** Runs the block; its result and the host it ran on. */
  async function run(text: string, options: RunOptions = {}): Promise<{ result: ScriptResult; host: MemoryHost }> {
    const host = await hostFor(options);
    return { result: await host.drive(runBlock(parseBlock(text), host, options.args)), host };
  }

  /** The value the block RETURNs. */
  async function value(text: string, options: RunOptions = {}): Promise<ScriptValue['value']> {
    const { result } = await run(text, options);
    if (result.kind !== 'value') throw new Error(`expected a value, got ${JSON.stringify(result)}`);
    return result.value.value;
  }

  /** The error the block fails with, and the host it ran on. */
  async function failure(text: string, options: RunOptions = {}): Promise<{ error: SnowflakeError; host: MemoryHost }> {
    const host = await hostFor(options);
    try {
      await host.drive(runBlock(parseBlock(text), host, options.args));
    } catch (error) {
      if (error instanceof SnowflakeQueryError) return { error: error.snowflake, host };
      throw error;
    }
    throw new Error('expected the block to fail');
  }

  return { run, value, failure, hostFor };
}
