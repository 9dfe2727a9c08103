/**
 * The task form's state and everything derived from it: the checked values, which problems to
 * show (a field's once it was changed, all after a submit attempt), the graph checks, the
 * schedule preview and the exact statements a submit runs.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { z } from '@/lib/domain/validation/zod';
import type { GraphProblem } from '@/lib/domain/task-graph/graph';
import type { TaskDefinition } from '@/lib/domain/tasks/task-definition';
import {
  identifierFromInput,
  newTaskFormInput,
  qualifiedTaskName,
  taskFormInputOf,
  taskFormSchema,
  taskFormValuesOf,
  type TaskFormField,
  type TaskFormInput,
} from '@/lib/domain/tasks/task-form';
import { finalizerProblems, predecessorProblems } from '@/lib/domain/tasks/task-form-graph';
import { schedulePreview } from '@/lib/domain/tasks/task-form-preview';
import { taskFormStatements } from '@/lib/domain/tasks/task-form-sql';

const FIELDS = Object.keys(taskFormSchema.shape) as TaskFormField[];

export interface TaskFormOptions {
  mode: 'create' | 'edit';
  tasks: readonly TaskDefinition[];
  warehouses: readonly string[];
  initial?: TaskDefinition;
  defaultDatabase: string;
  defaultSchema: string;
  now: number;
}

function initialInput({ mode, initial, warehouses, defaultDatabase, defaultSchema }: TaskFormOptions): TaskFormInput {
  if (mode === 'edit') {
    if (!initial) throw new Error('TaskForm in edit mode needs `initial`, the task being edited.');
    return taskFormInputOf(taskFormValuesOf(initial));
  }
  return newTaskFormInput({ database: defaultDatabase, schema: defaultSchema, warehouse: warehouses[0] ?? null });
}

/** The task's qualified name once its parts are names, as the graph checks compare it. */
function qualifiedNameOf(input: TaskFormInput, initial: TaskDefinition | undefined): string | null {
  if (initial) return initial.name;
  const parts = [input.database, input.schema, input.name].map((part) => identifierFromInput(part, 'name'));
  if (!parts.every((part) => 'name' in part)) return null;
  const [database, schema, name] = parts.map((part) => (part as { name: string }).name);
  return qualifiedTaskName({ database, schema, name });
}

export function useTaskForm(options: TaskFormOptions) {
  const { mode, tasks, initial, now } = options;
  const [input, setInput] = useState<TaskFormInput>(() => initialInput(options));
  const [touched, setTouched] = useState<ReadonlySet<TaskFormField>>(new Set());
  const [attempted, setAttempted] = useState(false);

  const update = (patch: Partial<TaskFormInput>) => {
    setInput((current) => ({ ...current, ...patch }));
    setTouched((current) => new Set([...current, ...(Object.keys(patch) as TaskFormField[])]));
  };

  const parsed = useMemo(() => taskFormSchema.safeParse(input), [input]);
  const values = parsed.success ? parsed.data : null;
  const errors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;

  const name = qualifiedNameOf(input, initial);
  const nameTaken = mode === 'create' && name !== null && tasks.some((task) => task.name === name);

  // Graph checks walk every task and the preview scans a year of days; let them trail a fast typist.
  const deferredName = useDeferredValue(name);
  const deferredPredecessors = useDeferredValue(input.predecessors);
  const deferredFinalize = useDeferredValue(input.finalize);
  const deferredSchedule = useDeferredValue(input.schedule);
  const graphProblems: Partial<Record<TaskFormField, GraphProblem[]>> = useMemo(
    () =>
      deferredName === null
        ? {}
        : {
            predecessors: predecessorProblems(tasks, deferredName, deferredPredecessors),
            finalize: finalizerProblems(tasks, deferredName, deferredFinalize),
          },
    [tasks, deferredName, deferredPredecessors, deferredFinalize],
  );
  const preview = useMemo(() => schedulePreview(deferredSchedule, now, now), [deferredSchedule, now]);

  const { statements, startedRoots } = useMemo(
    () => (values ? taskFormStatements(values, { mode, tasks, initial }) : { statements: [], startedRoots: [] }),
    [values, mode, tasks, initial],
  );

  // Graph problems show at once: they are what the user must see before submitting.
  const problemOf = (field: TaskFormField): string | undefined => {
    const messages = [
      ...(attempted || touched.has(field) ? (errors[field] ?? []) : []),
      ...(graphProblems[field] ?? []).map((problem) => problem.message),
    ];
    return messages.length > 0 ? messages.join('\n') : undefined;
  };
  const problems = Object.fromEntries(FIELDS.map((field) => [field, problemOf(field)])) as Partial<Record<TaskFormField, string>>;
  if (nameTaken) problems.name = `A task named ${name} already exists; pick another name, or edit that task.`;
  const blockedByGraph = Object.values(graphProblems).some((list) => list.length > 0) || nameTaken;

  return {
    input,
    update,
    qualifiedName: name,
    problems,
    /** Fields whose values do not parse, for the statements panel to name. */
    invalidFields: Object.keys(errors) as TaskFormField[],
    blockedByGraph,
    preview,
    statements,
    startedRoots,
    ready: values !== null && !blockedByGraph && statements.length > 0,
    markAttempted: () => setAttempted(true),
  };
}
