/**
 * Rewrites one Snowflake statement into DuckDB SQL, applying each dialect transform in turn,
 * after refusing what the local warehouse does not run (unsupported statements, overlong names).
 * Bind values are already literals (the runner inlines them before anything reads the
 * statement). The order matters: comments and identifier case first (they keep offsets, so DuckDB's error
 * positions still point into the user's text), then functions that resolve to literals
 * (LAST_QUERY_ID before RESULT_SCAN, which takes it as its argument), then the table functions
 * and holds. Two-part names are qualified after identifiers are upper-cased, which shifts later
 * error positions by the inserted database name.
 */
import { accountUsage } from './account-usage';
import { cancelQuery } from './cancel-query';
import { dropEmptyParentheses } from './current-functions';
import { directedJoins } from './directed-join';
import { refuseEngineOnlySql } from './engine-only-sql';
import { informationalConstraints } from './informational-constraints';
import { DEFINED_FUNCTIONS, snowflakeFunctions } from './functions';
import { refuseEngineOnlyFunctions } from './engine-only-functions';
import { SNOWFLAKE_FUNCTION_NAMES } from './snowflake-function-names';
import { generator } from './generator';
import { refuseLongIdentifiers } from './identifier-length';
import { jobHistory } from './job-history';
import { jobLogs } from './job-logs';
import { lastQueryId } from './last-query-id';
import { refuseMatchRecognize } from './match-recognize';
import { slashCommentsToDashes } from './line-comments';
import { queryHistory } from './query-history';
import { randomFunction } from './random';
import { resultScan } from './result-scan';
import type { DialectContext, Rewrite } from './rewrite';
import { semiStructuredSyntax } from './semi-structured-syntax';
import { sessionFunctions } from './session-functions';
import { systemWait } from './system-wait';
import { taskFunctions } from './task-functions';
import { dropTransient } from './transient-table';
import { snowflakeTypeNames } from './type-names';
import { snowflakeStatementForms } from './statement-forms';
import { snowflakeQueryForms } from './query-forms';
import type { StatementPlan } from './plan-steps';
import { statementPlan } from './statement-plan';
import { qualifyTwoPartNames } from './two-part-names';
import { uniformFunction } from './uniform';
import { refuseUnsupported } from './unsupported-statements';
import { uppercaseIdentifiers } from './uppercase-identifiers';

/** The statement as DuckDB runs it, the hold before it, and the seed its RANDOM(seed) calls ask for. */
export interface Translation extends Rewrite {
  /** DuckDB setseed() value for the statement, or null when no RANDOM call has a seed. */
  randomSeed: number | null;
  /** How to run a statement DuckDB cannot run as one statement (statement-plan.ts), or null. */
  plan: StatementPlan | null;
}

export async function translate(statement: string, context: DialectContext): Promise<Translation> {
  refuseUnsupported(statement);
  refuseMatchRecognize(statement);
  refuseEngineOnlySql(statement);
  // A directed join's read-order clause, FIRST(t) or LAST(t), is no call of a function.
  refuseEngineOnlyFunctions(directedJoins(statement), { engine: context.engineFunctions, defined: DEFINED_FUNCTIONS }, SNOWFLAKE_FUNCTION_NAMES);
  refuseLongIdentifiers(statement);
  // Semi-structured syntax before upper-casing: a path's element names keep their case.
  let sql = informationalConstraints(uppercaseIdentifiers(semiStructuredSyntax(slashCommentsToDashes(statement))));
  sql = qualifyTwoPartNames(snowflakeTypeNames(dropTransient(dropEmptyParentheses(sql))), context);
  sql = snowflakeQueryForms(snowflakeStatementForms(sql));
  sql = snowflakeFunctions(sessionFunctions(sql, context.session));
  // RANDOM first: UNIFORM's generator is usually a RANDOM() call, rewritten inside it.
  const random = randomFunction(sql);
  sql = uniformFunction(random.sql);
  sql = await lastQueryId(sql, context);
  sql = await resultScan(sql, context);
  sql = await accountUsage(sql, context);
  sql = await queryHistory(sql, context);
  sql = await jobHistory(sql, context);
  sql = await jobLogs(sql, context);
  sql = await taskFunctions(sql, context);
  sql = cancelQuery(sql, context);
  const waited = systemWait(sql);
  const generated = generator(waited.sql);
  return { sql: generated.sql, holdMs: waited.holdMs + generated.holdMs, randomSeed: random.seed, plan: statementPlan(generated.sql) };
}
