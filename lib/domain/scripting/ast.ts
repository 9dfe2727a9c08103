/**
 * The syntax tree of a Snowflake Scripting block, as `parseBlock` (./parse-block.ts) builds it
 * and the local warehouse's interpreter runs it. Pure data: no behaviour, no I/O.
 *
 * Conventions the interpreter relies on:
 * - `at` is the 1-based line and column of the node's first token within the text given to the
 *   parser (the block's text, not the script or request it came in).
 * - Names (variables, cursors, resultsets, exceptions, labels) are resolved as Snowflake resolves
 *   identifiers: unquoted upper-cased, "quoted" kept as written without the quotes.
 * - SQL statements and expressions are kept as written: variables appear bare in expressions
 *   (`a + row.amount`) and as `:var` binds in statements; the interpreter binds them.
 * - A malformed block throws `SqlStatementError` (lib/domain/sql/sql-reader.ts) with Snowflake's
 *   code 001003, SQL state 42000 and message `syntax error line N at position P unexpected 'X'.`
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/blocks
 */

export interface Position {
  line: number;
  column: number;
}

/** A SQL expression as written, e.g. `a + row.amount` or `(SELECT COUNT(*) FROM t)`. */
export interface Expression {
  sql: string;
  at: Position;
}

/** One SQL statement as written, without its `;`, with `:var` binds (and `?` placeholders) left in. */
export interface SqlText {
  sql: string;
  at: Position;
}

/** `[DECLARE …] BEGIN … [EXCEPTION …] END [label]`. */
export interface Block {
  declarations: Declaration[];
  body: Statement[];
  /** The EXCEPTION section's handlers, in order; null when the block has no EXCEPTION section. */
  handlers: ExceptionHandler[] | null;
  label: string | null;
  at: Position;
}

// ---------------------------------------------------------------------------------------------
// Declarations (the DECLARE section)
// https://docs.snowflake.com/en/sql-reference/snowflake-scripting/declare

export interface VariableDeclaration {
  kind: 'variable';
  name: string;
  /** The type as written (`NUMBER(38, 2)`), or null when it is inferred from the value. */
  type: string | null;
  /** The `DEFAULT` / `:=` expression, or null (the variable starts NULL). */
  value: Expression | null;
  at: Position;
}

/** `c CURSOR FOR <query>` or `c CURSOR FOR <resultset_name>`. */
export interface CursorDeclaration {
  kind: 'cursor';
  name: string;
  query: SqlText | { resultset: string };
  at: Position;
}

/** `res RESULTSET [{ DEFAULT | := } [ASYNC] (<query>)]`. */
export interface ResultsetDeclaration {
  kind: 'resultset';
  name: string;
  source: { query: SqlText; async: boolean } | null;
  at: Position;
}

/** `e EXCEPTION [(code, 'message')]`. */
export interface ExceptionDeclaration {
  kind: 'exception';
  name: string;
  code: number | null;
  message: string | null;
  at: Position;
}

export type Declaration = VariableDeclaration | CursorDeclaration | ResultsetDeclaration | ExceptionDeclaration;

// ---------------------------------------------------------------------------------------------
// Statements (the body of a block, a loop, a branch or a handler)

/** An embedded SQL statement; `into` holds the variables of `SELECT … INTO :a, :b`. */
export interface SqlStatement {
  kind: 'sql';
  sql: SqlText;
  into: string[] | null;
  at: Position;
}

/** `LET x [type] { DEFAULT | := } expr`. */
export interface LetStatement {
  kind: 'let';
  name: string;
  type: string | null;
  value: Expression;
  at: Position;
}

/** `LET c CURSOR FOR <query | resultset_name>`. */
export interface LetCursorStatement {
  kind: 'letCursor';
  name: string;
  query: SqlText | { resultset: string };
  at: Position;
}

/** `LET res RESULTSET { DEFAULT | := } [ASYNC] (<query>)`. */
export interface LetResultsetStatement {
  kind: 'letResultset';
  name: string;
  source: { query: SqlText; async: boolean };
  at: Position;
}

/**
 * `x := expr`. With `async` (`res := ASYNC (<query>)`) `value` is the query inside the
 * parentheses; otherwise it is the expression as written (for a resultset variable that is
 * `(<query>)`, parentheses included, since the parser does not know the variable's type).
 */
export interface AssignStatement {
  kind: 'assign';
  name: string;
  value: Expression;
  async: boolean;
  at: Position;
}

export interface IfBranch {
  condition: Expression;
  body: Statement[];
}

/** `IF (c) THEN … [ELSEIF (c) THEN …]* [ELSE …] END IF`. */
export interface IfStatement {
  kind: 'if';
  branches: IfBranch[];
  otherwise: Statement[] | null;
  at: Position;
}

export interface CaseBranch {
  when: Expression;
  body: Statement[];
}

/** Simple `CASE (subject) WHEN v THEN …` or searched `CASE WHEN cond THEN …` (subject null). */
export interface CaseStatement {
  kind: 'case';
  subject: Expression | null;
  branches: CaseBranch[];
  otherwise: Statement[] | null;
  at: Position;
}

/** `FOR i IN [REVERSE] from TO to { DO | LOOP } … END { FOR | LOOP } [label]`. */
export interface ForRangeStatement {
  kind: 'forRange';
  variable: string;
  reverse: boolean;
  from: Expression;
  to: Expression;
  body: Statement[];
  label: string | null;
  at: Position;
}

/** `FOR row IN cursor_or_resultset { DO | LOOP } … END { FOR | LOOP } [label]`. */
export interface ForCursorStatement {
  kind: 'forCursor';
  variable: string;
  source: string;
  body: Statement[];
  label: string | null;
  at: Position;
}

/** `WHILE (cond) { DO | LOOP } … END { WHILE | LOOP } [label]`. */
export interface WhileStatement {
  kind: 'while';
  condition: Expression;
  body: Statement[];
  label: string | null;
  at: Position;
}

/** `REPEAT … UNTIL (cond) END REPEAT [label]`. */
export interface RepeatStatement {
  kind: 'repeat';
  body: Statement[];
  until: Expression;
  label: string | null;
  at: Position;
}

/** `LOOP … END LOOP [label]`. */
export interface LoopStatement {
  kind: 'loop';
  body: Statement[];
  label: string | null;
  at: Position;
}

/** `BREAK [label]` or `EXIT [label]`. */
export interface BreakStatement {
  kind: 'break';
  label: string | null;
  at: Position;
}

/** `CONTINUE [label]` or `ITERATE [label]`. */
export interface ContinueStatement {
  kind: 'continue';
  label: string | null;
  at: Position;
}

/**
 * `RETURN [expr]`, `RETURN TABLE(resultset_name)` (`{ table }`), or
 * `RETURN TABLE(RESULTSET_FROM_CURSOR(cursor_name))` (`{ cursor }`).
 */
export interface ReturnStatement {
  kind: 'return';
  value: Expression | { table: string } | { cursor: string } | null;
  at: Position;
}

/** `OPEN c [USING (a, b)]`. */
export interface OpenStatement {
  kind: 'open';
  cursor: string;
  using: Expression[];
  at: Position;
}

/** `FETCH c INTO a, b`. */
export interface FetchStatement {
  kind: 'fetch';
  cursor: string;
  into: string[];
  at: Position;
}

/** `CLOSE c`. */
export interface CloseStatement {
  kind: 'close';
  cursor: string;
  at: Position;
}

/** `RAISE e`, or a bare `RAISE` (re-raise in a handler: exception null). */
export interface RaiseStatement {
  kind: 'raise';
  exception: string | null;
  at: Position;
}

/** A standalone `ASYNC (<statement>)`. */
export interface AsyncStatement {
  kind: 'async';
  sql: SqlText;
  at: Position;
}

/** `AWAIT res`, or `AWAIT ALL` (resultset null). */
export interface AwaitStatement {
  kind: 'await';
  resultset: string | null;
  at: Position;
}

/** `CANCEL res`. */
export interface CancelStatement {
  kind: 'cancel';
  resultset: string;
  at: Position;
}

/** A nested block. */
export interface BlockStatement {
  kind: 'block';
  block: Block;
  at: Position;
}

/** `NULL;`, the statement that does nothing. */
export interface NullStatement {
  kind: 'null';
  at: Position;
}

export type Statement =
  | SqlStatement
  | LetStatement
  | LetCursorStatement
  | LetResultsetStatement
  | AssignStatement
  | IfStatement
  | CaseStatement
  | ForRangeStatement
  | ForCursorStatement
  | WhileStatement
  | RepeatStatement
  | LoopStatement
  | BreakStatement
  | ContinueStatement
  | ReturnStatement
  | OpenStatement
  | FetchStatement
  | CloseStatement
  | RaiseStatement
  | AsyncStatement
  | AwaitStatement
  | CancelStatement
  | BlockStatement
  | NullStatement;

/** `WHEN e1 [OR e2 …] THEN …` or `WHEN OTHER THEN …`. */
export interface ExceptionHandler {
  exceptions: string[] | 'OTHER';
  body: Statement[];
  /**
   * `WHEN … CONTINUE THEN` resumes after the statement that failed; `EXIT` (the default, also
   * when absent) leaves the block after the handler.
   * https://docs.snowflake.com/en/sql-reference/snowflake-scripting/exception
   */
  mode?: 'EXIT' | 'CONTINUE';
  at: Position;
}
