/**
 * What a statement plan is (statement-plan.ts): DuckDB steps run on the statement's connection
 * that end in the statement's answer, and the helpers the plans share. Apart from the dispatcher,
 * so each plan module depends on the contract and not on every other plan.
 */
import type { DuckDBValue } from '@duckdb/node-api';

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

/** A temporary table name for one plan's intermediate rows; unique, so plans never collide. */
export function scratchTable(purpose: string): string {
  const suffix = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`.toUpperCase();
  return `temp.main.SF_${purpose}_${suffix}`;
}

/** A whole-number count DuckDB returned (BIGINT arrives as bigint). */
export function countOf(result: StepResult): number {
  return Number(result.rows[0]?.[0] ?? 0);
}
