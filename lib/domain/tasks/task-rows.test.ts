import { describe, expect, it } from 'vitest';
import { parseCurrentGraphRow, parseTaskRow, parseTaskRunRow } from './task-rows';

describe('task rows', () => {
  it('reads a SHOW TASKS row, qualifying names and reading the graph links', () => {
    const task = parseTaskRow({
      created_on: new Date('2026-11-20T12:00:00Z'),
      name: 'Nightly load',
      id: 't-1',
      database_name: 'FLURRY',
      schema_name: 'PUBLIC',
      owner: 'SYSADMIN',
      comment: '',
      warehouse: 'COMPUTE_WH',
      schedule: 'USING CRON 0 1 * * * UTC',
      predecessors: '[\n  "FLURRY.PUBLIC.EXTRACT"\n]',
      state: 'started',
      definition: 'SELECT 1',
      condition: null,
      allow_overlapping_execution: 'false',
      config: '{"env":"dev"}',
      task_relations: '{"Predecessors":["FLURRY.PUBLIC.EXTRACT"],"FinalizerTask":"FLURRY.PUBLIC.CLEANUP"}',
      last_suspended_reason: null,
    });
    expect(task).toMatchObject({
      name: 'FLURRY.PUBLIC."Nightly load"',
      shortName: 'Nightly load',
      predecessors: ['FLURRY.PUBLIC.EXTRACT'],
      state: 'started',
      comment: null,
      allowOverlappingExecution: false,
      finalizer: 'FLURRY.PUBLIC.CLEANUP',
      finalize: null,
      createdOn: Date.parse('2026-11-20T12:00:00Z'),
    });
    expect(parseTaskRow({ name: 'X' })).toBeNull();
    // Unreadable JSON in a column leaves that part empty rather than failing the list.
    expect(parseTaskRow({ name: 'X', database_name: 'D', schema_name: 'S', predecessors: 'not json', state: 'suspended' })?.predecessors).toEqual([]);
  });

  it('reads TASK_HISTORY and CURRENT_TASK_GRAPHS rows, and refuses ones without a run', () => {
    const run = parseTaskRunRow({
      QUERY_ID: null,
      NAME: 'LOAD',
      DATABASE_NAME: 'FLURRY',
      SCHEMA_NAME: 'PUBLIC',
      STATE: 'SCHEDULED',
      SCHEDULED_TIME: new Date('2026-11-21T01:00:00Z'),
      QUERY_START_TIME: null,
      COMPLETED_TIME: null,
      ROOT_TASK_ID: 'r-1',
      GRAPH_VERSION: 3,
      RUN_ID: 1795222800000,
      ATTEMPT_NUMBER: 1,
      SCHEDULED_FROM: 'SCHEDULE',
    });
    expect(run).toMatchObject({ task: 'FLURRY.PUBLIC.LOAD', state: 'SCHEDULED', queryId: null, graphVersion: 3, attempt: 1, startedAt: null });
    expect(parseTaskRunRow({ NAME: 'LOAD', DATABASE_NAME: 'D', SCHEMA_NAME: 'S', STATE: 'SLEEPING', SCHEDULED_TIME: new Date(), RUN_ID: 1 })).toBeNull();
    expect(parseCurrentGraphRow({ STATE: 'EXECUTING', ROOT_TASK_ID: 'r-1', RUN_ID: 5, ATTEMPT_NUMBER: 2, SCHEDULED_TIME: new Date(5) })).toEqual({
      rootTaskId: 'r-1',
      state: 'EXECUTING',
      runId: 5,
      attempt: 2,
      scheduledAt: 5,
    });
    expect(parseCurrentGraphRow({ STATE: 'SUCCEEDED', ROOT_TASK_ID: 'r-1', RUN_ID: 5, SCHEDULED_TIME: new Date(5) })).toBeNull();
  });
});
