import { describe, expect, it } from 'vitest';
import { connectBy } from './connect-by';

const HIERARCHY = (anchor: string, step: string, from: string, start: string, on: string, table: string) =>
  `(WITH RECURSIVE SF_HIERARCHY AS (SELECT ${anchor} FROM ${from} WHERE ${start} UNION ALL SELECT ${step} FROM ${from} ` +
  `JOIN SF_HIERARCHY AS SF_PRIOR ON ${on}) SELECT * FROM SF_HIERARCHY) AS ${table}`;

describe('connectBy', () => {
  it('builds the hierarchy as a recursive CTE, PRIOR naming the parent row', () => {
    expect(connectBy("SELECT EMPLOYEE_ID, TITLE FROM EMPLOYEES START WITH TITLE = 'President' CONNECT BY MANAGER_ID = PRIOR EMPLOYEE_ID ORDER BY EMPLOYEE_ID")).toBe(
      `SELECT EMPLOYEE_ID, TITLE FROM ${HIERARCHY(
        'EMPLOYEES.*, 1 AS SF_LEVEL',
        'EMPLOYEES.*, SF_PRIOR.SF_LEVEL + 1',
        'EMPLOYEES',
        "TITLE = 'President'",
        'EMPLOYEES.MANAGER_ID = SF_PRIOR.EMPLOYEE_ID',
        'EMPLOYEES',
      )} ORDER BY EMPLOYEE_ID`,
    );
  });

  it('carries LEVEL, SYS_CONNECT_BY_PATH and CONNECT_BY_ROOT, and filters with WHERE afterwards', () => {
    expect(
      connectBy("SELECT SYS_CONNECT_BY_PATH(E.TITLE, ' / '), CONNECT_BY_ROOT TITLE AS R, LEVEL FROM EMPLOYEES E WHERE LEVEL > 1 START WITH MANAGER_ID IS NULL CONNECT BY PRIOR EMPLOYEE_ID = E.MANAGER_ID"),
    ).toBe(
      `SELECT SF_PATH_1, SF_ROOT_1 AS R, SF_LEVEL FROM ${HIERARCHY(
        "E.*, 1 AS SF_LEVEL, ' / ' || (E.TITLE)::VARCHAR AS SF_PATH_1, TITLE AS SF_ROOT_1",
        "E.*, SF_PRIOR.SF_LEVEL + 1, SF_PRIOR.SF_PATH_1 || ' / ' || (E.TITLE)::VARCHAR, SF_PRIOR.SF_ROOT_1",
        'EMPLOYEES E',
        'MANAGER_ID IS NULL',
        'SF_PRIOR.EMPLOYEE_ID = E.MANAGER_ID',
        'E',
      )} WHERE SF_LEVEL > 1`,
    );
  });

  it("keeps the CTE's own columns out of SELECT *, and makes every row a root without START WITH", () => {
    expect(connectBy('SELECT * FROM T CONNECT BY P = PRIOR ID')).toBe(
      `SELECT * EXCLUDE (SF_LEVEL) FROM ${HIERARCHY('T.*, 1 AS SF_LEVEL', 'T.*, SF_PRIOR.SF_LEVEL + 1', 'T', 'TRUE', 'T.P = SF_PRIOR.ID', 'T')}`,
    );
  });

  it('rewrites a hierarchy inside a subquery, leaving the rest of the statement', () => {
    expect(connectBy('SELECT X.N FROM (SELECT ID N FROM T START WITH ID = 2 CONNECT BY P = PRIOR ID) X ORDER BY 1')).toBe(
      `SELECT X.N FROM (SELECT ID N FROM ${HIERARCHY('T.*, 1 AS SF_LEVEL', 'T.*, SF_PRIOR.SF_LEVEL + 1', 'T', 'ID = 2', 'T.P = SF_PRIOR.ID', 'T')}) X ORDER BY 1`,
    );
  });

  it('refuses a hierarchy over a join, and PRIOR outside CONNECT BY', () => {
    expect(() => connectBy('SELECT * FROM T JOIN U ON T.A = U.A CONNECT BY T.P = PRIOR T.ID')).toThrow("Unsupported feature 'CONNECT BY over a join'");
    expect(() => connectBy('SELECT PRIOR ID FROM T CONNECT BY P = PRIOR ID')).toThrow("Unsupported feature 'PRIOR outside CONNECT BY'");
  });

  it('leaves statements without CONNECT BY alone', () => {
    const sql = 'WITH RECURSIVE C (N) AS (SELECT 1 UNION ALL SELECT N + 1 FROM C WHERE N < 3) SELECT LEVEL FROM C';
    expect(connectBy(sql)).toBe(sql);
  });
});
