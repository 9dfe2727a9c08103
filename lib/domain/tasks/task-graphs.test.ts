import { describe, expect, it } from 'vitest';
import { groupGraphRuns } from './graph-runs';
import { taskDefinition } from './task-definition.fixture';
import { formatScheduledRun, graphOf, runCriticalPath, runGanttEntries, scheduleInWords, taskGraphs, upcomingRuns } from './task-graphs';
import type { TaskRun } from './task-rows';

const root = taskDefinition('A', { schedule: 'USING CRON 0 1 * * * UTC', state: 'started' });
const tasks = [
  taskDefinition('D', { predecessors: ['DB.S.B', 'DB.S.C'] }),
  root,
  taskDefinition('B', { predecessors: ['DB.S.A'] }),
  taskDefinition('C', { predecessors: ['DB.S.A'] }),
  taskDefinition('FIN', { finalize: 'DB.S.A' }),
  taskDefinition('ALONE'),
];

function run(task: string, startedAt: number, completedAt: number | null, extra: Partial<TaskRun> = {}): TaskRun {
  return {
    task: `DB.S.${task}`,
    shortName: task,
    queryId: `q-${task}`,
    state: completedAt === null ? 'EXECUTING' : 'SUCCEEDED',
    errorCode: null,
    errorMessage: null,
    scheduledAt: 0,
    startedAt,
    completedAt,
    nextScheduledAt: null,
    rootTaskId: 'a',
    graphVersion: 1,
    runId: 0,
    attempt: 1,
    scheduledFrom: 'EXECUTE_TASK',
    graphRunGroupId: 'g',
    ...extra,
  };
}

describe('task graphs', () => {
  it('lists each root with its tasks, standalone tasks as graphs of one', () => {
    const graphs = taskGraphs(tasks);
    expect(graphs.map((g) => [g.root.shortName, g.members.map((t) => t.shortName)])).toEqual([
      ['A', ['A', 'B', 'C', 'D', 'FIN']],
      ['ALONE', ['ALONE']],
    ]);
    expect(graphOf(tasks, 'DB.S.FIN')?.root.shortName).toBe('A');
    expect(graphOf(tasks, 'DB.S.NOPE')).toBeNull();
  });

  it('takes the next run from TASK_HISTORY, then follows the schedule; none while suspended', () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    const scheduled = run('A', 0, null, { state: 'SCHEDULED', scheduledAt: Date.parse('2026-11-21T01:00:00Z'), startedAt: null });
    expect(upcomingRuns(root, [scheduled], now, 3).map((t) => new Date(t).toISOString())).toEqual([
      '2026-11-21T01:00:00.000Z',
      '2026-11-22T01:00:00.000Z',
      '2026-11-23T01:00:00.000Z',
    ]);
    expect(upcomingRuns({ ...root, state: 'suspended' }, [scheduled], now, 3)).toEqual([]);
  });

  it('marks the chain that decided the finish, and draws a bar per task that ran', () => {
    const rows = [run('A', 0, 10), run('B', 10, 50), run('C', 10, 20), run('D', 50, 60), run('FIN', 60, 65)];
    const [graphRun] = groupGraphRuns(rows, [], 'DB.S.A');
    const members = taskGraphs(tasks)[0].members;
    const path = runCriticalPath(members, graphRun, 100);
    expect(path).toEqual(['DB.S.A', 'DB.S.B', 'DB.S.D', 'DB.S.FIN']);
    const bars = runGanttEntries(members, graphRun, path);
    expect(bars.map((bar) => [bar.title, bar.marked, bar.submittedAt, bar.startedAt, bar.endedAt])).toEqual([
      ['A', true, 0, 0, 10],
      ['B', true, 0, 10, 50],
      ['C', false, 0, 10, 20],
      ['D', true, 0, 50, 60],
      ['FIN', true, 0, 60, 65],
    ]);
    expect(bars[1].href).toBe('?run=0%3A1&task=DB.S.B');
  });
});

describe('formatScheduledRun', () => {
  it('shows a cron run on its zone’s clock and an interval run in UTC', () => {
    const at = Date.parse('2026-11-01T09:00:00Z');
    expect(formatScheduledRun(at, 'USING CRON 0 1 * * * America/Los_Angeles')).toBe('Sun 2026-11-01 01:00 PST');
    expect(formatScheduledRun(at, '10 MINUTES')).toBe('Sun 2026-11-01 09:00 UTC');
  });
});

describe('scheduleInWords', () => {
  it('describes a schedule, says when there is none, and shows an unreadable one as written', () => {
    expect(scheduleInWords('USING CRON 0 1 * * * America/Los_Angeles')).toBe('daily at 01:00, America/Los_Angeles');
    expect(scheduleInWords(null)).toBe('not scheduled (runs when executed)');
    expect(scheduleInWords('every now and then')).toBe('every now and then');
  });
});
