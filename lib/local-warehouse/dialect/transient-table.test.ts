import { describe, expect, it } from 'vitest';
import { dropTransient } from './transient-table';

describe('dropTransient', () => {
  it('drops TRANSIENT from CREATE [OR REPLACE] TRANSIENT TABLE', () => {
    expect(dropTransient('CREATE OR REPLACE TRANSIENT TABLE T (A INT)')).toBe('CREATE OR REPLACE TABLE T (A INT)');
    expect(dropTransient('CREATE  TRANSIENT  TABLE T AS SELECT 1')).toBe('CREATE  TABLE T AS SELECT 1');
  });

  it('leaves other statements alone, including a table named transient', () => {
    for (const sql of ['CREATE TABLE TRANSIENT (A INT)', "SELECT 'CREATE TRANSIENT TABLE'", 'CREATE TRANSIENT VIEW V AS SELECT 1']) {
      expect(dropTransient(sql)).toBe(sql);
    }
  });
});
