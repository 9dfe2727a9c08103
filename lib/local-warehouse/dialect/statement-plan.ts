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
import { alterTableColumnsPlan } from './alter-table-columns';
import { cloneTablePlan } from './clone-table';
import { describeTablePlan } from './describe-table';
import { insertOverwritePlan } from './insert-overwrite';
import { mergePlan } from './merge-plan';
import { multiTableInsertPlan } from './multi-table-insert';
import { dynamicPivotPlan } from './pivot';
import { truncateTablePlan } from './truncate-table';
import { updatePlan } from './update-plan';
import type { StatementPlan } from './plan-steps';

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
