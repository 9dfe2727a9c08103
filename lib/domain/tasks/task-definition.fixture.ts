/** TaskDefinition builders for the task form's tests: tasks in schema DB.S unless named otherwise. */
import type { TaskDefinition } from './task-definition';

/** `short` is the SQL spelling of the name (e.g. `ROOT` or `"my task"`); predecessors likewise. */
export function taskDefinition(short: string, overrides: Partial<TaskDefinition> = {}): TaskDefinition {
  const shortName = short.startsWith('"') ? short.slice(1, -1).replace(/""/g, '"') : short;
  return {
    name: `DB.S.${short}`,
    database: 'DB',
    schema: 'S',
    shortName,
    id: `id-${shortName}`,
    owner: 'SYSADMIN',
    comment: null,
    warehouse: 'WH',
    schedule: null,
    predecessors: [],
    state: 'suspended',
    definition: 'SELECT 1',
    condition: null,
    allowOverlappingExecution: false,
    config: null,
    finalize: null,
    finalizer: null,
    createdOn: Date.parse('2026-06-01T00:00:00Z'),
    lastSuspendedReason: null,
    ...overrides,
  };
}
