import { describe, expect, it } from 'vitest';
import { objectNameOf, parseJobFunction } from './job-functions';

describe('parseJobFunction', () => {
  it.each([
    ["SELECT SYSTEM$CANCEL_JOB('my_job')", { kind: 'cancel_job', job: { database: null, schema: null, name: 'MY_JOB' }, column: 'SYSTEM$CANCEL_JOB' }],
    ['call db.s.j!spcs_cancel_job();', { kind: 'cancel_job', job: { database: 'DB', schema: 'S', name: 'J' }, column: 'SPCS_CANCEL_JOB' }],
    [
      "CALL s.j ! SPCS_WAIT_FOR('done', 300)",
      { kind: 'wait_for', job: { database: null, schema: 'S', name: 'J' }, status: 'DONE', seconds: 300, column: 'SPCS_WAIT_FOR' },
    ],
    [
      "SELECT SYSTEM$GET_SERVICE_LOGS('j', 0, 'main', 20) AS log",
      { kind: 'service_logs', job: { database: null, schema: null, name: 'J' }, instanceId: '0', container: 'main', lines: 20, column: 'LOG' },
    ],
    [
      "select system$get_service_status('db.s.my_job')",
      { kind: 'service_status', job: { database: 'DB', schema: 'S', name: 'MY_JOB' }, timeoutSeconds: 0, column: "SYSTEM$GET_SERVICE_STATUS('DB.S.MY_JOB')" },
    ],
    [
      "SELECT SYSTEM$GET_SERVICE_STATUS('j', 5) AS status",
      { kind: 'service_status', job: { database: null, schema: null, name: 'J' }, timeoutSeconds: 5, column: 'STATUS' },
    ],
  ])('reads %s', (sql, call) => {
    expect(parseJobFunction(sql)).toEqual(call);
  });

  it.each(['SELECT 1', "SELECT SYSTEM$CANCEL_QUERY('x')", 'SELECT j!spcs_get_logs()', "SELECT SYSTEM$CANCEL_JOB('a') + 1 FROM t"])(
    'leaves %s alone',
    (sql) => {
      expect(parseJobFunction(sql)).toBeNull();
    },
  );

  it.each([
    ["SELECT SYSTEM$CANCEL_JOB('a', 'b')", /SYSTEM\$CANCEL_JOB takes the job's name as a string; got 2 argument\(s\)/],
    ["CALL j!SPCS_WAIT_FOR('DONE')", /SPCS_WAIT_FOR takes a status and a timeout in seconds/],
    ["CALL j!SPCS_WAIT_FOR('DONE', 'soon')", /the timeout must be a whole number of seconds; got soon/],
    ["SELECT SYSTEM$GET_SERVICE_LOGS('j', '0', 'main', 0)", /number of lines must be a whole number of at least 1; got 0/],
    ['SELECT SYSTEM$CANCEL_JOB(x)', /takes string and number literals; got 'x'/],
    ["SELECT SYSTEM$GET_SERVICE_STATUS('j', -1)", /SYSTEM\$GET_SERVICE_STATUS: the timeout must be a whole number of seconds; got -1/],
    ['SELECT SYSTEM$GET_SERVICE_STATUS(1)', /SYSTEM\$GET_SERVICE_STATUS: the service name must be a string; got 1/],
  ])('rejects %s', (sql, message) => {
    expect(() => parseJobFunction(sql)).toThrow(message);
  });

  it('resolves quoted name parts as written', () => {
    expect(objectNameOf('"My.Db".s."Job"')).toEqual({ database: 'My.Db', schema: 'S', name: 'Job' });
  });
});
