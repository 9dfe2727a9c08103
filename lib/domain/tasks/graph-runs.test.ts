import { describe, expect, it } from 'vitest';
import { graphRunDuration, groupGraphRuns } from './graph-runs';
import type { TaskRun } from './task-rows';

const ROOT = 'DB.S.ROOT';

function run(task: string, state: TaskRun['state'], extra: Partial<TaskRun> = {}): TaskRun {
  return {
    task: `DB.S.${task}`,
    shortName: task,
    queryId: state === 'SCHEDULED' ? null : `q-${task}`,
    state,
    errorCode: null,
    errorMessage: null,
    scheduledAt: 1_000,
    startedAt: 1_000,
    completedAt: state === 'EXECUTING' ? null : 2_000,
    nextScheduledAt: null,
    rootTaskId: 'r1',
    graphVersion: 1,
    runId: 1_000,
    attempt: 1,
    scheduledFrom: 'SCHEDULE',
    graphRunGroupId: 'g1',
    ...extra,
  };
}

describe('groupGraphRuns', () => {
  it('groups rows by run and attempt, newest first, leaving out the next scheduled run', () => {
    const rows = [
      run('ROOT', 'SUCCEEDED'),
      run('B', 'SUCCEEDED', { startedAt: 2_000, completedAt: 5_000 }),
      run('ROOT', 'SUCCEEDED', { runId: 9_000, scheduledAt: 9_000, startedAt: 9_000, completedAt: 9_500 }),
      run('ROOT', 'SCHEDULED', { runId: 20_000, scheduledAt: 20_000, startedAt: null, completedAt: null }),
    ];
    const runs = groupGraphRuns(rows, [], ROOT);
    expect(runs.map((r) => [r.key, r.state])).toEqual([
      ['9000:1', 'SUCCEEDED'],
      ['1000:1', 'SUCCEEDED'],
    ]);
    expect(runs[1]).toMatchObject({ startedAt: 1_000, completedAt: 5_000 });
    expect(graphRunDuration(runs[1], 99_000)).toBe(4_000);
  });

  it('derives FAILED, CANCELLED, SKIPPED and EXECUTING, and names the first error', () => {
    const failed = groupGraphRuns(
      [run('ROOT', 'SUCCEEDED'), run('B', 'FAILED', { errorMessage: 'boom', completedAt: 3_000 }), run('C', 'FAILED_AND_AUTO_SUSPENDED', { errorMessage: 'later', completedAt: 4_000 })],
      [],
      ROOT,
    )[0];
    expect(failed.state).toBe('FAILED');
    expect(failed.firstError).toEqual({ task: 'DB.S.B', message: 'boom' });
    expect(groupGraphRuns([run('ROOT', 'SUCCEEDED'), run('B', 'CANCELLED'), run('C', 'FAILED')], [], ROOT)[0].state).toBe('CANCELLED');
    expect(groupGraphRuns([run('ROOT', 'SKIPPED')], [], ROOT)[0].state).toBe('SKIPPED');
    // A skipped child does not skip the run.
    expect(groupGraphRuns([run('ROOT', 'SUCCEEDED'), run('B', 'SKIPPED')], [], ROOT)[0].state).toBe('SUCCEEDED');
    // Between steps every row may have ended; CURRENT_TASK_GRAPHS still says the run executes.
    const between = groupGraphRuns([run('ROOT', 'SUCCEEDED')], [{ rootTaskId: 'r1', state: 'EXECUTING', runId: 1_000, attempt: 1, scheduledAt: 1_000 }], ROOT)[0];
    expect([between.state, between.completedAt]).toEqual(['EXECUTING', null]);
  });

  it('shows a retry with the tasks it kept from the attempt before', () => {
    const rows = [
      run('ROOT', 'SUCCEEDED'),
      run('B', 'FAILED', { errorMessage: 'no table' }),
      run('B', 'SUCCEEDED', { attempt: 2, scheduledFrom: 'MANUAL RETRY', startedAt: 7_000, completedAt: 8_000 }),
    ];
    const [retry, first] = groupGraphRuns(rows, [], ROOT);
    expect([retry.key, retry.state, first.state]).toEqual(['1000:2', 'SUCCEEDED', 'FAILED']);
    expect(Object.fromEntries(Object.entries(retry.tasks).map(([name, r]) => [name, [r.state, r.attempt]]))).toEqual({
      'DB.S.ROOT': ['SUCCEEDED', 1],
      'DB.S.B': ['SUCCEEDED', 2],
    });
    expect(retry.startedAt).toBe(7_000);
  });
});
