/**
 * Snowflake statements that DuckDB cannot run as one statement of its own: a multi-table INSERT,
 * INSERT OVERWRITE, CREATE TABLE … CLONE / LIKE, TRUNCATE … IF EXISTS, ALTER TABLE of several
 * columns, DESCRIBE TABLE, a dynamic PIVOT. Each is
 * a plan: DuckDB steps run on the statement's connection (in one transaction when the plan is
 * atomic, so a failure leaves nothing half done) that end in the statement's answer. The modules
 * that recognise them take the translated statement (identifiers upper-cased, types and
 * functions rewritten), so every step is DuckDB SQL already.
 * https://docs.snowflake.com/en/sql-reference/sql/insert-multi-table
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { alterTableColumnsPlan } from './alter-table-columns';
import { cloneTablePlan } from './clone-table';
import { describeTablePlan } from './describe-table';
import { insertOverwritePlan } from './insert-overwrite';
import { mergePlan } from './merge-plan';
import { multiTableInsertPlan } from './multi-table-insert';
import { dynamicPivotPlan } from './pivot';
import { truncateTablePlan } from './truncate-table';
import { updatePlan } from './update-plan';

export interface StepResult {
  names: string[];
  rows: DuckDBValue[][];
}

/** Runs one DuckDB statement on the statement's connection; throws DuckDB's error. */
export type RunStep = (sql: string) => Promise<StepResult>;

export type PlanAnswer =
  /** A one-row `status` answer. */
  | { kind: 'status'; message: string }
  /** A DML answer: one row of counts under these names; `rows` is the statement's row count. */
  | { kind: 'counts'; names: string[]; counts: number[]; rows: number }
  /** The statement is this query: run and store it as any SELECT. */
  | { kind: 'select'; sql: string };

export interface StatementPlan {
  /** Whether the steps commit together (and roll back together on a failure). */
  atomic: boolean;
  execute(run: RunStep): Promise<PlanAnswer>;
}

/** The plan for the translated statement, or null when DuckDB runs it as it is. */
export function statementPlan(sql: string): StatementPlan | null {
  return (
    multiTableInsertPlan(sql) ??
    insertOverwritePlan(sql) ??
    cloneTablePlan(sql) ??
    truncateTablePlan(sql) ??
    alterTableColumnsPlan(sql) ??
    describeTablePlan(sql) ??
    dynamicPivotPlan(sql) ??
    mergePlan(sql) ??
    updatePlan(sql)
  );
}

/** A temporary table name for one plan's intermediate rows; unique, so plans never collide. */
export function scratchTable(purpose: string): string {
  const suffix = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`.toUpperCase();
  return `temp.main.SF_${purpose}_${suffix}`;
}

/** A whole-number count DuckDB returned (BIGINT arrives as bigint). */
export function countOf(result: StepResult): number {
  return Number(result.rows[0]?.[0] ?? 0);
}
