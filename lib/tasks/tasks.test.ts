/**
 * The task pages' server side against a real local warehouse through snowflake-sdk: saving from
 * the form's values (the server builds the SQL), the actions, and the reads the pages poll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskFormSchema, newTaskFormInput, type TaskFormInput } from '@/lib/domain/tasks/task-form';
import { InputError } from '@/lib/errors/request-errors';
import { startDashboardParts, type DashboardParts } from '@/test/dashboard-parts';
import { TaskSaveError } from '@/lib/errors/request-errors';
import { listTaskRuns, listTasks, runTaskAction, saveTask, taskFormContext } from '.';

let parts: DashboardParts;

beforeAll(async () => {
  parts = await startDashboardParts();
});

afterAll(async () => {
  await parts?.close();
});

function form(name: string, extra: Partial<TaskFormInput> = {}) {
  return taskFormSchema.parse({ ...newTaskFormInput({ database: 'FLURRY', schema: 'PUBLIC', warehouse: null }), name, body: 'SELECT 1', ...extra });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('tasks on the server', () => {
  it('creates a graph from form values, runs it, and reads its runs back', async () => {
    const calls = parts.warehouse;
    const context = await taskFormContext(calls);
    expect(context).toMatchObject({ database: 'FLURRY', schema: 'PUBLIC' });
    expect(context.warehouses.length).toBeGreaterThan(0);

    const root = await saveTask({ mode: 'create', values: form('SRV_ROOT'), original: null }, calls);
    expect(root).toEqual({ name: 'FLURRY.PUBLIC.SRV_ROOT', statements: ['CREATE TASK FLURRY.PUBLIC.SRV_ROOT\nAS\nSELECT 1'] });
    await saveTask({ mode: 'create', values: form('SRV_CHILD', { predecessors: ['FLURRY.PUBLIC.SRV_ROOT'], body: 'SELECT 2' }), original: null }, calls);

    const { tasks } = await listTasks(calls);
    const child = tasks.find((task) => task.name === 'FLURRY.PUBLIC.SRV_CHILD');
    expect(child).toMatchObject({ predecessors: ['FLURRY.PUBLIC.SRV_ROOT'], state: 'suspended', definition: 'SELECT 2' });

    expect(await runTaskAction({ kind: 'resume', root: 'FLURRY.PUBLIC.SRV_ROOT' }, calls)).toEqual(['Statement executed successfully.']);
    await runTaskAction({ kind: 'execute', root: 'FLURRY.PUBLIC.SRV_ROOT' }, calls);
    const rootId = tasks.find((task) => task.name === 'FLURRY.PUBLIC.SRV_ROOT')?.id ?? '';
    const { runs } = await until(
      () => listTaskRuns(rootId, calls),
      (data) => data.runs.filter((run) => run.state === 'SUCCEEDED').length === 2,
    );
    expect(runs.map((run) => run.task).sort()).toEqual(['FLURRY.PUBLIC.SRV_CHILD', 'FLURRY.PUBLIC.SRV_ROOT']);
  });

  it('suspends a started root around an edit and resumes it, even when a statement fails', async () => {
    const calls = parts.warehouse;
    await saveTask({ mode: 'create', values: form('EDIT_ROOT'), original: null }, calls);
    await saveTask({ mode: 'create', values: form('EDIT_CHILD', { predecessors: ['FLURRY.PUBLIC.EDIT_ROOT'] }), original: null }, calls);
    await runTaskAction({ kind: 'resume', root: 'FLURRY.PUBLIC.EDIT_ROOT' }, calls);
    const before = (await listTasks(calls)).tasks.find((task) => task.name === 'FLURRY.PUBLIC.EDIT_CHILD');
    if (!before) throw new Error('EDIT_CHILD was not created');

    const edited = await saveTask({ mode: 'edit', values: form('EDIT_CHILD', { predecessors: ['FLURRY.PUBLIC.EDIT_ROOT'], body: 'SELECT 20' }), original: before.name }, calls);
    expect(edited.statements).toEqual([
      'ALTER TASK FLURRY.PUBLIC.EDIT_ROOT SUSPEND',
      'ALTER TASK FLURRY.PUBLIC.EDIT_CHILD MODIFY AS SELECT 20',
      'ALTER TASK FLURRY.PUBLIC.EDIT_ROOT RESUME',
    ]);
    const after = (await listTasks(calls)).tasks;
    expect(after.find((task) => task.name === 'FLURRY.PUBLIC.EDIT_CHILD')?.definition).toBe('SELECT 20');
    expect(after.find((task) => task.name === 'FLURRY.PUBLIC.EDIT_ROOT')?.state).toBe('started');

    // A warehouse that does not exist fails the ALTER; the root is resumed again all the same.
    const failing = saveTask(
      { mode: 'edit', values: form('EDIT_CHILD', { predecessors: ['FLURRY.PUBLIC.EDIT_ROOT'], body: 'SELECT 20', warehouse: 'NO_SUCH_WH' }), original: before.name },
      calls,
    );
    await expect(failing).rejects.toBeInstanceOf(TaskSaveError);
    await expect(failing).rejects.toThrow(/ALTER TASK FLURRY.PUBLIC.EDIT_CHILD SET WAREHOUSE = NO_SUCH_WH failed: [^]*Warehouse 'NO_SUCH_WH' does not exist/);
    expect((await listTasks(calls)).tasks.find((task) => task.name === 'FLURRY.PUBLIC.EDIT_ROOT')?.state).toBe('started');
  });

  it('refuses a cycle before running anything, and an edit of a task that is gone', async () => {
    const calls = parts.warehouse;
    await saveTask({ mode: 'create', values: form('CYC_A'), original: null }, calls);
    await saveTask({ mode: 'create', values: form('CYC_B', { predecessors: ['FLURRY.PUBLIC.CYC_A'] }), original: null }, calls);
    const cycle = saveTask({ mode: 'edit', values: form('CYC_A', { predecessors: ['FLURRY.PUBLIC.CYC_B'] }), original: 'FLURRY.PUBLIC.CYC_A' }, calls);
    await expect(cycle).rejects.toBeInstanceOf(InputError);
    await expect(cycle).rejects.toThrow(/cycle/);
    await expect(saveTask({ mode: 'edit', values: form('GONE'), original: 'FLURRY.PUBLIC.GONE' }, calls)).rejects.toThrow(
      'Task FLURRY.PUBLIC.GONE does not exist any more; it may have been dropped.',
    );
  });
});
