import { describe, expect, it } from 'vitest';
import { actionStatements, taskActionSchema } from './task-actions';

describe('task actions', () => {
  it('builds the statement of each action', () => {
    const root = 'FLURRY.PUBLIC."Nightly load"';
    expect(actionStatements({ kind: 'execute', root })).toEqual(['EXECUTE TASK FLURRY.PUBLIC."Nightly load"']);
    expect(actionStatements({ kind: 'retry_last', root })).toEqual(['EXECUTE TASK FLURRY.PUBLIC."Nightly load" RETRY LAST']);
    expect(actionStatements({ kind: 'resume', root })).toEqual([`SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('FLURRY.PUBLIC."Nightly load"')`]);
    expect(actionStatements({ kind: 'suspend', root })).toEqual(['ALTER TASK FLURRY.PUBLIC."Nightly load" SUSPEND']);
    expect(actionStatements({ kind: 'cancel_runs', root: "DB.S.\"it's\"" })).toEqual([
      `SELECT SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS('DB.S."it''s"')`,
    ]);
  });

  it('accepts only qualified names and known actions', () => {
    expect(taskActionSchema.safeParse({ kind: 'execute', root: 'DB.S.T' }).success).toBe(true);
    const unqualified = taskActionSchema.safeParse({ kind: 'execute', root: 'T' });
    expect(unqualified.error?.issues[0].message).toBe('A task is named DB.SCHEMA.NAME, as the Tasks page lists it.');
    expect(taskActionSchema.safeParse({ kind: 'execute', root: 'DB.S.T; DROP TABLE X' }).success).toBe(false);
    expect(taskActionSchema.safeParse({ kind: 'drop', root: 'DB.S.T' }).success).toBe(false);
  });
});
