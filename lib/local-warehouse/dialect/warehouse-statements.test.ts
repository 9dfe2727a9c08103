import { describe, expect, it } from 'vitest';
import { warehouseStatement } from './warehouse-statements';

describe('warehouseStatement', () => {
  it('reads CREATE WAREHOUSE with its properties, in Snowflake spellings', () => {
    expect(
      warehouseStatement(
        `create or replace warehouse if not exists "etl wh" with warehouse_size = 'x-large' warehouse_type = 'SNOWPARK-OPTIMIZED' ` +
          `max_concurrency_level = 2 auto_suspend = null auto_resume = false initially_suspended = true ` +
          `min_cluster_count = 1 max_cluster_count = 3 scaling_policy = economy comment = 'it''s ours';`,
      ),
    ).toEqual({
      kind: 'createWarehouse',
      name: 'etl wh',
      orReplace: true,
      ifNotExists: true,
      properties: {
        size: 'X-Large', type: 'SNOWPARK-OPTIMIZED', maxConcurrencyLevel: 2, autoSuspend: null, autoResume: false,
        initiallySuspended: true, minClusterCount: 1, maxClusterCount: 3, scalingPolicy: 'ECONOMY', comment: "it's ours",
      },
    });
    expect(warehouseStatement('CREATE WAREHOUSE W WAREHOUSE_SIZE = X4LARGE')).toMatchObject({ properties: { size: '4X-Large' } });
    expect(warehouseStatement('CREATE WAREHOUSE W')).toMatchObject({ name: 'W', properties: {} });
  });

  it('reads ALTER (SET, UNSET, RESUME), DROP, SHOW WAREHOUSES and SHOW PARAMETERS IN WAREHOUSE', () => {
    expect(warehouseStatement('alter warehouse if exists w set max_concurrency_level = 4 comment = \'x\'')).toEqual({
      kind: 'alterWarehouse', name: 'W', ifExists: true, set: { maxConcurrencyLevel: 4, comment: 'x' }, reset: [],
    });
    expect(warehouseStatement('ALTER WAREHOUSE W UNSET MAX_CONCURRENCY_LEVEL, WAREHOUSE_SIZE')).toMatchObject({
      set: {}, reset: ['maxConcurrencyLevel', 'size'],
    });
    expect(warehouseStatement('ALTER WAREHOUSE W RESUME IF SUSPENDED')).toMatchObject({ set: {}, reset: [] });
    expect(warehouseStatement('DROP WAREHOUSE IF EXISTS W')).toEqual({ kind: 'dropWarehouse', name: 'W', ifExists: true });
    expect(warehouseStatement("SHOW WAREHOUSES LIKE '%etl%'")).toEqual({ kind: 'showWarehouses', like: '%etl%' });
    expect(warehouseStatement("SHOW PARAMETERS LIKE 'MAX%' IN WAREHOUSE w")).toEqual({ kind: 'showWarehouseParameters', name: 'W', like: 'MAX%' });
  });

  it('leaves other statements alone', () => {
    for (const sql of ['CREATE TABLE WAREHOUSE (A INT)', 'CREATE DATABASE D', 'DROP TABLE W', 'SHOW TABLES', 'SHOW PARAMETERS IN SESSION', 'USE WAREHOUSE W']) {
      expect(warehouseStatement(sql), sql).toBeNull();
    }
  });

  it('refuses bad values and what the local warehouse cannot honour, by name', () => {
    expect(() => warehouseStatement('CREATE WAREHOUSE W WAREHOUSE_SIZE = HUGE')).toThrow(
      "invalid value 'HUGE' for property 'WAREHOUSE_SIZE'; expected one of XSMALL",
    );
    expect(() => warehouseStatement('CREATE WAREHOUSE W MAX_CLUSTER_COUNT = 0')).toThrow("invalid value '0' for property 'MAX_CLUSTER_COUNT'");
    expect(() => warehouseStatement('CREATE WAREHOUSE W AUTO_RESUME = maybe')).toThrow("invalid value 'MAYBE' for property 'AUTO_RESUME'");
    expect(() => warehouseStatement('CREATE WAREHOUSE W RESOURCE_MONITOR = M')).toThrow(
      "Unsupported feature 'warehouse property RESOURCE_MONITOR' in the local warehouse.",
    );
    expect(() => warehouseStatement('ALTER WAREHOUSE W SUSPEND')).toThrow("Unsupported feature 'ALTER WAREHOUSE … SUSPEND'");
    expect(() => warehouseStatement('CREATE WAREHOUSE W MAX_CONCURRENCY_LEVEL 2')).toThrow("syntax error line 1 at position 41 unexpected '2'.");
    expect(() => warehouseStatement('ALTER WAREHOUSE W')).toThrow("unexpected '<EOF>'");
  });
});
