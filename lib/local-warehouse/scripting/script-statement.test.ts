import { describe, expect, it } from 'vitest';
import { isScriptStatement } from './script-statement';

describe('isScriptStatement', () => {
  it('takes blocks, EXECUTE IMMEDIATE and CALLs of procedures', () => {
    for (const sql of ['BEGIN RETURN 1; END', 'DECLARE x INT; BEGIN RETURN x; END', "EXECUTE IMMEDIATE 'SELECT 1'", 'CALL my_proc()', 'CALL db.sch."Proc"(1, 2)']) {
      expect(isScriptStatement(sql), sql).toBe(true);
    }
  });

  it('leaves system procedures, job-service methods and transactions to the statements that answer them', () => {
    for (const sql of ['CALL SYSTEM$WAIT(1)', "CALL my_job!SPCS_WAIT_FOR('DONE')", "CALL db.sch.my_job!SPCS_CANCEL_JOB()", 'BEGIN', 'BEGIN TRANSACTION', 'SELECT 1']) {
      expect(isScriptStatement(sql), sql).toBe(false);
    }
  });
});
