import { describe, expect, it } from 'vitest';
import { engineFixture } from './engine-fixture';
import { isMultiStatementRequest } from './multi-statement';
import { snowflakeErrors } from './snowflake-errors';

const { session, open } = engineFixture();

describe('isMultiStatementRequest', () => {
  it('follows MULTI_STATEMENT_COUNT: absent or 1 is one statement, 0 with one statement an ordinary query', () => {
    expect(isMultiStatementRequest('SELECT 1; SELECT 2', undefined)).toBe(false);
    expect(isMultiStatementRequest('SELECT 1; SELECT 2', 1)).toBe(false);
    expect(isMultiStatementRequest('SELECT 1; SELECT 2', 0)).toBe(true);
    expect(isMultiStatementRequest("SELECT ';'; -- one", 0)).toBe(false);
    expect(isMultiStatementRequest('SELECT 1', 2)).toBe(true);
  });
});

describe('snowflakeErrors.multiStatementFailed', () => {
  it("names the statement by its first 30 characters and where it starts, around the statement's own message", () => {
    const error = snowflakeErrors.multiStatementFailed("insert into table1 (i) values ('x')", 1, 75, "Numeric value 'x' is not recognized");
    expect(error).toEqual({
      code: '100132',
      sqlState: 'P0000',
      message:
        'JavaScript execution error: Uncaught Execution of multiple statements failed on statement "insert into table1 (i) values ..." ' +
        "(at line 1, position 75).\nNumeric value 'x' is not recognized in SYSTEM$MULTISTMT at '    throw `Execution of multiple statements " +
        "failed on statement {0} (at line {1}, position {2}).`.replace('{1}', LINES[i])' position 4\nstackstrace: \nSYSTEM$MULTISTMT line: 10",
    });
    expect(snowflakeErrors.multiStatementFailed('select 1', 2, 0, 'x').message).toContain('statement "select 1" (at line 2, position 0)');
  });
});

describe('multi-statement requests in the engine', () => {
  it("keeps a request's statement ids, its answer and where it left the session across a restart", async () => {
    const first = await open();
    const submitted = await first.submit({
      sqlText: "CREATE DATABASE MS_KEPT; USE DATABASE MS_KEPT; ALTER SESSION SET QUERY_TAG = 'kept'; SELECT 1",
      requestId: null,
      session,
      multiStatementCount: 4,
    });
    const ended = await first.waitForEnd(submitted.id, 20_000);
    expect(ended).toMatchObject({ status: 'SUCCESS', queryType: 'MULTI_STATEMENT', final: { database: 'MS_KEPT', queryTag: 'kept' } });
    expect(ended?.childQueryIds).toHaveLength(4);
    await first.close();

    const second = await open();
    expect(await second.get(submitted.id)).toEqual(ended);
    expect((await second.readResult(submitted.id))?.rowset).toEqual([['Multiple statements executed successfully.']]);
    const [, , tagged, selected] = await Promise.all((ended?.childQueryIds ?? []).map((id) => second.get(id)));
    expect(tagged).toMatchObject({ queryType: 'ALTER_SESSION', queryTag: 'flurry:test', final: { queryTag: 'kept' } });
    expect(selected).toMatchObject({ queryType: 'SELECT', database: 'MS_KEPT', queryTag: 'kept', childQueryIds: [] });
  });
});
