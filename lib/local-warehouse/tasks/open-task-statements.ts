/**
 * Tasks as the engine's TaskStatements: definitions and runs in the engine's system database,
 * graph runs started by the scheduler on `clock` (the system clock, or a ManualClock in tests).
 */
import { parseObjectNameText } from '@/lib/domain/tasks/task-statements';
import { graphMembers, indexGraph } from '@/lib/domain/task-graph/graph';
import type { OpenTaskStatements } from '../engine/service-statements';
import type { SchedulerClock } from './clock';
import { TaskDefinitions } from './task-definitions';
import { TaskScheduler } from './task-scheduler';
import { answerTaskStatement } from './answer-task-statement';
import { resolveName, taskKey } from './task-record';
import { TASK_GRAPH_RUNS_TABLE, TASK_RUNS_TABLE, TASKS_TABLE, TaskStore } from './task-store';

export function openTaskStatements(clock: SchedulerClock): OpenTaskStatements {
  return async (database, engine) => {
    const store = await TaskStore.open(database);
    let scheduler: TaskScheduler | null = null;
    const definitions = new TaskDefinitions(
      store,
      await store.tasks(),
      clock.now,
      { databaseExists: engine.databaseExists, warehouseExists: engine.warehouseExists },
      { changed: (roots) => scheduler?.refresh(roots) },
    );
    // Tasks whose schema went while the warehouse was down (or before drops took tasks along) are dropped
    // before anything is scheduled, so none keeps failing on a schema that no longer exists.
    for (const container of new Set(definitions.all().map((task) => JSON.stringify([task.database, task.schema])))) {
      const [taskDatabase, schema] = JSON.parse(container) as [string, string];
      if (!(await engine.schemaExists(taskDatabase, schema))) definitions.dropIn(taskDatabase, schema);
    }
    scheduler = new TaskScheduler({ definitions, store, clock, queries: engine.queries, defaultWarehouse: engine.defaultWarehouse });
    await scheduler.open();
    const running = scheduler;
    // A dropped or replaced database or schema takes its tasks and their schedules with it.
    engine.onDrop(({ database: droppedDatabase, schema }) => definitions.dropIn(droppedDatabase, schema));
    return {
      answer: (statement, session) => answerTaskStatement(statement, session, definitions, running, engine.schemaExists),
      tables: {
        runs: TASK_RUNS_TABLE,
        graphRuns: TASK_GRAPH_RUNS_TABLE,
        tasks: TASKS_TABLE,
        flush: () => store.flush(),
        dependents(name, recursive, session) {
          const resolved = resolveName(parseObjectNameText(name), session);
          const key = taskKey(resolved.database, resolved.schema, resolved.name);
          const task = definitions.get(key);
          if (!task) return null;
          const index = indexGraph(definitions.graph());
          return recursive ? graphMembers(key, index) : [key, ...(index.children.get(key) ?? [])];
        },
      },
      settled: (exceptRunningBodies) => running.settled(exceptRunningBodies),
      close: () => running.close(),
    };
  };
}
