import { describe, expect, it } from 'vitest';
import { dmlResult, statusMessage } from './statement-results';

describe('statusMessage', () => {
  it.each([
    ['create or replace transient table t (a int)', 'Table T successfully created.'],
    ['create table if not exists db.s."Mixed" (a int)', 'Table Mixed successfully created.'],
    ['create view v as select 1', 'View V successfully created.'],
    ['drop table if exists s.t', 'T successfully dropped.'],
    ['use schema x', 'Statement executed successfully.'],
  ])('%s → %s', (sql, message) => {
    expect(statusMessage(sql)).toBe(message);
  });
});

describe('dmlResult', () => {
  it('names the counts as Snowflake does', () => {
    expect(dmlResult('INSERT', 3)).toEqual({ names: ['number of rows inserted'], values: [3] });
    expect(dmlResult('UPDATE', 2)).toEqual({
      names: ['number of rows updated', 'number of multi-joined rows updated'],
      values: [2, 0],
    });
    expect(dmlResult('DELETE', 1)).toEqual({ names: ['number of rows deleted'], values: [1] });
  });
});
