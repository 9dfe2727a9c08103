import { spawn } from 'node:child_process';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_FIELD_LIMITS, type AuditRecord } from '@/lib/domain/audit';
import { registryFile } from './index';
import { Registry } from './registry';
import { openTempRegistry, removeTempRegistry } from './registry-fixture';
import { SCHEMA } from './schema';

let dir: string;
let registry: Registry;

beforeEach(async () => {
  ({ dir, registry } = await openTempRegistry());
});
afterEach(() => removeTempRegistry(dir, registry));

const record = (overrides: Partial<AuditRecord> = {}): AuditRecord => ({
  actor: 'local user',
  access: 'full',
  address: '127.0.0.1',
  action: 'launch-batch',
  target: 'batch 3f2a1b2c (2 queries)',
  detail: 'SELECT 1;\nSELECT 2;',
  outcome: 'ok',
  error: null,
  ...overrides,
});

/** Appends one record per call, at times 1_000, 2_000, … so the order is easy to read back. */
async function appendAll(records: AuditRecord[], into = registry): Promise<void> {
  for (const [index, each] of records.entries()) await into.appendAudit(each, (index + 1) * 1_000);
}

describe('audit log', () => {
  it('appends entries and lists them newest first, with every field as recorded', async () => {
    const first = await registry.appendAudit(record(), 1_000);
    const second = await registry.appendAudit(
      record({ actor: 'ana', access: 'read-only', address: null, action: 'cancel-jobs', target: '2 jobs', detail: null, outcome: 'refused', error: 'read-only access' }),
      2_000,
    );
    expect(second.id).toBe(first.id + 1);
    const entries = await registry.listAudit();
    expect(entries).toEqual([
      { id: second.id, at: 2_000, actor: 'ana', access: 'read-only', address: null, action: 'cancel-jobs', target: '2 jobs', detail: null, outcome: 'refused', error: 'read-only access' },
      { id: first.id, at: 1_000, ...record() },
    ]);
  });

  it('keeps the order of appending even when the clock goes back', async () => {
    await registry.appendAudit(record({ target: 'first' }), 5_000);
    await registry.appendAudit(record({ target: 'second' }), 4_000);
    expect((await registry.listAudit()).map((entry) => entry.target)).toEqual(['second', 'first']);
  });

  it('serialises concurrent appends: every one is kept, each with its own id', async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => registry.appendAudit(record({ target: `t${i}` }))));
    const entries = await registry.listAudit({ limit: 100 });
    expect(entries).toHaveLength(25);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(25);
    expect(new Set(entries.map((entry) => entry.target)).size).toBe(25);
  });

  it('filters by action, outcome and actor (any case, part of the name), alone and together', async () => {
    await appendAll([
      record({ actor: 'Ana Lima', action: 'launch-batch' }),
      record({ actor: 'bob', action: 'cancel-jobs', outcome: 'failed', error: 'warehouse down' }),
      record({ actor: 'ana', action: 'cancel-jobs', outcome: 'refused', error: 'read-only access' }),
      record({ actor: 'local user', action: 'save-task' }),
    ]);
    const targets = async (filter: Parameters<Registry['listAudit']>[0]) => (await registry.listAudit(filter)).map((entry) => `${entry.actor}/${entry.action}`);
    expect(await targets({ action: 'cancel-jobs' })).toEqual(['ana/cancel-jobs', 'bob/cancel-jobs']);
    expect(await targets({ outcome: 'ok' })).toEqual(['local user/save-task', 'Ana Lima/launch-batch']);
    expect(await targets({ actor: 'ANA' })).toEqual(['ana/cancel-jobs', 'Ana Lima/launch-batch']);
    expect(await targets({ actor: '  lima ' })).toEqual(['Ana Lima/launch-batch']);
    expect(await targets({ actor: 'ana', action: 'cancel-jobs', outcome: 'refused' })).toEqual(['ana/cancel-jobs']);
    expect(await targets({ actor: 'ana', outcome: 'failed' })).toEqual([]);
    // A name with LIKE wildcards or quotes is matched as written.
    expect(await targets({ actor: "%' OR 1=1 --" })).toEqual([]);
  });

  it('pages older entries with before, without gaps or repeats, and limits each page', async () => {
    await appendAll(Array.from({ length: 7 }, (_, i) => record({ target: `t${i}` })));
    const first = await registry.listAudit({ limit: 3 });
    expect(first.map((entry) => entry.target)).toEqual(['t6', 't5', 't4']);
    const second = await registry.listAudit({ limit: 3, before: first.at(-1)?.id });
    expect(second.map((entry) => entry.target)).toEqual(['t3', 't2', 't1']);
    const third = await registry.listAudit({ limit: 3, before: second.at(-1)?.id });
    expect(third.map((entry) => entry.target)).toEqual(['t0']);
    expect(await registry.listAudit({ before: third[0].id })).toEqual([]);
  });

  it('pages within a filter', async () => {
    await appendAll(Array.from({ length: 6 }, (_, i) => record({ target: `t${i}`, action: i % 2 ? 'cancel-jobs' : 'launch-batch' })));
    const first = await registry.listAudit({ action: 'cancel-jobs', limit: 2 });
    expect(first.map((entry) => entry.target)).toEqual(['t5', 't3']);
    const older = await registry.listAudit({ action: 'cancel-jobs', limit: 2, before: first[1].id });
    expect(older.map((entry) => entry.target)).toEqual(['t1']);
  });

  it('truncates long fields with a marker saying how long they were', async () => {
    const sql = `SELECT '${'x'.repeat(10 * 1024 * 1024)}'`;
    await registry.appendAudit(record({ detail: sql, error: 'e'.repeat(50_000), target: 't'.repeat(2_000), actor: 'a'.repeat(1_000) }));
    const [entry] = await registry.listAudit();
    expect(entry.detail).toHaveLength(AUDIT_FIELD_LIMITS.detail);
    expect(entry.detail).toMatch(/^SELECT 'xxx/);
    expect(entry.detail).toMatch(/… \[truncated: 10,485,769 characters in all\]$/);
    expect(entry.error).toHaveLength(AUDIT_FIELD_LIMITS.error);
    expect(entry.target).toHaveLength(AUDIT_FIELD_LIMITS.target);
    expect(entry.actor).toHaveLength(AUDIT_FIELD_LIMITS.actor);
    expect(entry.actor).toMatch(/truncated: 1,000 characters/);
  });

  it('stores hostile text exactly as given', async () => {
    const detail = `<img src=x onerror=alert(1)>'); DROP TABLE audit_log; --\u0000 ❄ 雪`;
    await registry.appendAudit(record({ detail, target: 'task "DB"."S;C".\'R\'' }));
    const [entry] = await registry.listAudit();
    expect(entry.detail).toBe(detail);
    expect(entry.target).toBe('task "DB"."S;C".\'R\'');
  });

  it('survives being closed and opened again, and goes on numbering after the last entry', async () => {
    await appendAll([record({ target: 'before restart' })]);
    registry.close();
    registry = await Registry.open(registryFile(dir));
    const after = await registry.appendAudit(record({ target: 'after restart' }));
    const entries = await registry.listAudit();
    expect(entries.map((entry) => entry.target)).toEqual(['after restart', 'before restart']);
    expect(after.id).toBe(entries[1].id + 1);
  });

  it('keeps an entry whose append had returned when the process was killed', async () => {
    registry.close();
    const file = registryFile(dir);
    const script = `
      const { Registry } = await import(${JSON.stringify(path.resolve('lib/registry/registry.ts'))});
      const registry = await Registry.open(${JSON.stringify(file)});
      await registry.appendAudit({ actor: 'ana', access: 'full', address: null, action: 'cancel-jobs', target: '1 job', detail: null, outcome: 'ok', error: null }, 7_000);
      process.stdout.write('appended\\n');
      setInterval(() => {}, 1_000);
    `;
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('appended') && resolve());
      child.on('exit', (code) => reject(new Error(`the writer exited (${code}) before appending: ${stderr}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    registry = await Registry.open(file);
    expect(await registry.listAudit()).toEqual([expect.objectContaining({ at: 7_000, actor: 'ana', action: 'cancel-jobs', target: '1 job' })]);
  });

  it('prunes to the newest entries every so many appends, and on opening', async () => {
    registry.close();
    const retention = { keep: 5, pruneEvery: 3 };
    registry = await Registry.open(registryFile(dir), { auditRetention: retention });
    await appendAll(Array.from({ length: 8 }, (_, i) => record({ target: `t${i}` })));
    // Pruned after the 3rd and 6th appends: five kept then, two appended since.
    expect((await registry.listAudit({ limit: 100 })).map((entry) => entry.target)).toEqual(['t7', 't6', 't5', 't4', 't3', 't2', 't1']);
    await registry.appendAudit(record({ target: 't8' }));
    expect((await registry.listAudit({ limit: 100 })).map((entry) => entry.target)).toEqual(['t8', 't7', 't6', 't5', 't4']);

    await registry.appendAudit(record({ target: 't9' }));
    registry.close();
    registry = await Registry.open(registryFile(dir), { auditRetention: retention });
    expect((await registry.listAudit({ limit: 100 })).map((entry) => entry.target)).toEqual(['t9', 't8', 't7', 't6', 't5']);
  });

  it('opens a registry written before the audit log existed, and adds the log to it', async () => {
    registry.close();
    const file = path.join(dir, 'old.duckdb');
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    for (const statement of SCHEMA.filter((sql) => !sql.includes('audit_log') && !sql.startsWith('ALTER'))) await connection.run(statement);
    connection.closeSync();
    instance.closeSync();
    registry = await Registry.open(file);
    await registry.appendAudit(record());
    expect(await registry.listAudit()).toHaveLength(1);
  });
});
