import { describe, expect, it } from 'vitest';
import { refuseEngineOnlyFunctions } from './engine-only-functions';

const names = { engine: new Set(['LIST_VALUE', 'STRFTIME', 'HASH', 'ROW', 'MAP', 'RANGE', 'ABS']), defined: new Set(['IFF']) };
const snowflake = new Set(['HASH', 'IFF', 'ABS']);

const refusal = (sql: string) => {
  try {
    refuseEngineOnlyFunctions(sql, names, snowflake);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe('refuseEngineOnlyFunctions', () => {
  it('refuses a function only the engine has as Snowflake refuses an unknown one', () => {
    expect(refusal('SELECT list_value(1, 2)')).toContain('Unknown function LIST_VALUE');
    expect(refusal("SELECT UPPER(STRFTIME(d, '%Y')) FROM t")).toContain('Unknown function STRFTIME');
  });

  it('refuses a Snowflake function the warehouse does not implement as unsupported, not unknown', () => {
    expect(refusal("SELECT HASH('a')")).toContain("Unsupported feature 'function HASH'");
  });

  it.each([
    'SELECT IFF(TRUE, 1, 2)',
    'SELECT ABS(-1)',
    'SELECT CAST(x AS MAP(VARCHAR, VARCHAR)) FROM t',
    'SELECT x::MAP(VARCHAR, NUMBER) FROM t',
    'INSERT INTO range (a) VALUES (1)',
    'CREATE TABLE hash (a INT)',
    'SELECT COUNT(*) FROM t SAMPLE ROW (20 ROWS)',
    'SELECT db.schema.list_value(1)',
    "SELECT 'list_value(1)' AS text",
  ])('lets %s through', (sql) => {
    expect(refusal(sql)).toBeNull();
  });
});
