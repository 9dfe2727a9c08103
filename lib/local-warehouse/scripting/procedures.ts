/**
 * The procedures of the warehouse: CREATE, DROP, DESCRIBE and SHOW PROCEDURE(S) answered as small
 * tables the engine stores like any result, and the overloads a CALL chooses among. Procedures go
 * with their schema or database when it is dropped or replaced.
 */
import { likeMatcher } from '@/lib/domain/sql/like-pattern';
import { SqlStatementError, type ObjectName } from '@/lib/domain/sql/sql-reader';
import type { Database } from '../engine/database';
import type { StatementSession, TableAnswer } from '../engine/service-statements';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { statusTable, table, type Column } from '../engine/table-rows';
import { procedureErrors } from './procedure-errors';
import { parseProcedureStatement, type CreateProcedure, type ProcedureStatement, type ShowScope } from './procedure-statements';
import { keyOfProcedure, procedureKey, ProcedureStore, type ProcedureRecord } from './procedure-store';
import { normalizedType, signatureOf, typeFamily } from './procedure-types';

export interface ProcedureDeps {
  schemaExists(database: string, schema: string): Promise<boolean>;
  now(): number;
}

type Where = Pick<StatementSession, 'database' | 'schema'>;

function resolve(name: ObjectName, session: Where) {
  return { database: name.database ?? session.database, schema: name.schema ?? session.schema, name: name.name };
}

/** SHOW PROCEDURES' `arguments`: `NAME(NUMBER, DEFAULT VARCHAR) RETURN VARCHAR`. */
function argumentsText(procedure: ProcedureRecord): string {
  const args = procedure.args.map((arg) => `${arg.default === null ? '' : 'DEFAULT '}${typeFamily(arg.type) ?? arg.type}`);
  return `${procedure.name}(${args.join(', ')}) RETURN ${returnsText(procedure, true)}`;
}

function returnsText(procedure: ProcedureRecord, families: boolean): string {
  const { returns } = procedure;
  const shown = (type: string) => (families ? (typeFamily(type) ?? type) : normalizedType(type));
  if (returns.kind === 'table') return `TABLE (${returns.columns.map((column) => `${column.name} ${shown(column.type)}`).join(', ')})`;
  return `${shown(returns.type)}${returns.notNull ? ' NOT NULL' : ''}`;
}

const yesNo = (value: boolean) => (value ? 'Y' : 'N');

/** https://docs.snowflake.com/en/sql-reference/sql/show-procedures#output */
const SHOW_COLUMNS: Column<ProcedureRecord>[] = [
  ['created_on', 'time', (p) => p.createdMs],
  ['name', 'text', (p) => p.name],
  ['schema_name', 'text', (p) => p.schema],
  ['is_builtin', 'text', () => 'N'],
  ['is_aggregate', 'text', () => 'N'],
  ['is_ansi', 'text', () => 'N'],
  ['min_num_arguments', 'number', (p) => p.args.filter((arg) => arg.default === null).length],
  ['max_num_arguments', 'number', (p) => p.args.length],
  ['arguments', 'text', argumentsText],
  ['description', 'text', (p) => p.comment ?? 'user-defined procedure'],
  ['catalog_name', 'text', (p) => p.database],
  ['is_table_function', 'text', (p) => yesNo(p.returns.kind === 'table')],
  ['valid_for_clustering', 'text', () => 'N'],
  ['is_secure', 'text', (p) => yesNo(p.secure)],
];

/** https://docs.snowflake.com/en/sql-reference/sql/desc-procedure */
function describeRows(procedure: ProcedureRecord): [string, string][] {
  return [
    ['signature', `(${procedure.args.map((arg) => `${arg.name} ${normalizedType(arg.type)}`).join(', ')})`],
    ['returns', returnsText(procedure, false)],
    ['language', 'SQL'],
    ['null handling', procedure.nullHandling],
    ['volatility', 'VOLATILE'],
    ['execute as', procedure.executeAs],
    ['body', procedure.body],
  ];
}

export class Procedures {
  private constructor(
    private readonly store: ProcedureStore,
    private readonly deps: ProcedureDeps,
  ) {}

  static async open(database: Database, deps: ProcedureDeps): Promise<Procedures> {
    return new Procedures(await ProcedureStore.open(database), deps);
  }

  /** The procedure statement's answer, or null for any other statement. */
  async answer(sql: string, session: StatementSession): Promise<TableAnswer | null> {
    let statement: ProcedureStatement | null;
    try {
      statement = parseProcedureStatement(sql);
    } catch (error) {
      if (error instanceof SqlStatementError) throw new SnowflakeQueryError(error.snowflake);
      throw error;
    }
    if (!statement) return null;
    switch (statement.kind) {
      case 'create_procedure':
        return statusTable(await this.create(statement, session));
      case 'drop_procedure': {
        const key = this.keyFor(statement.name, statement.types, session);
        if (!this.store.get(key)) {
          if (statement.ifExists) return statusTable('Drop statement executed successfully (procedure already dropped).');
          throw procedureErrors.notFound(signatureText(statement.name.name, statement.types));
        }
        await this.store.delete([key]);
        return statusTable(`${statement.name.name} successfully dropped.`);
      }
      case 'describe_procedure': {
        const procedure = this.store.get(this.keyFor(statement.name, statement.types, session));
        if (!procedure) throw procedureErrors.notFound(signatureText(statement.name.name, statement.types));
        return table<[string, string]>(
          [
            ['property', 'text', ([property]) => property],
            ['value', 'text', ([, value]) => value],
          ],
          describeRows(procedure),
        );
      }
      case 'show_procedures': {
        const like = likeMatcher(statement.like);
        const shown = this.store
          .all()
          .filter((procedure) => like(procedure.name) && inScope(procedure, statement.in, session))
          .sort((a, b) => a.name.localeCompare(b.name) || a.args.length - b.args.length);
        return table(SHOW_COLUMNS, shown);
      }
    }
  }

  /** The overloads of `name` a CALL may mean; empty when the schema has no procedure of that name. */
  overloads(name: ObjectName, session: Where): ProcedureRecord[] {
    const { database, schema, name: bare } = resolve(name, session);
    return this.store.all().filter((p) => p.database === database && p.schema === schema && p.name === bare);
  }

  /** Drops the procedures of a dropped database (schema null) or schema. */
  dropIn(database: string, schema: string | null): Promise<void> {
    const gone = this.store.all().filter((p) => p.database === database && (schema === null || p.schema === schema));
    return this.store.delete(gone.map(keyOfProcedure));
  }

  private keyFor(name: ObjectName, types: string[], session: Where): string {
    const { database, schema, name: bare } = resolve(name, session);
    return procedureKey(database, schema, bare, types);
  }

  private async create(statement: CreateProcedure, session: StatementSession): Promise<string> {
    const { database, schema, name } = resolve(statement.name, session);
    for (const type of [...statement.args.map((arg) => arg.type), ...returnTypes(statement)]) {
      if (typeFamily(type) === null) throw procedureErrors.unsupportedType(type);
    }
    if (!(await this.deps.schemaExists(database, schema))) throw procedureErrors.schemaNotFound(database, schema);
    const { kind: _kind, orReplace, ifNotExists, name: _name, ...definition } = statement;
    const record: ProcedureRecord = { ...definition, database, schema, name, owner: session.role, createdMs: this.deps.now() };
    if (this.store.get(keyOfProcedure(record))) {
      if (ifNotExists) return `${name} already exists, statement succeeded.`;
      if (!orReplace) throw procedureErrors.alreadyExists(`${name}${signatureOf(statement.args.map((arg) => arg.type))}`);
    }
    await this.store.save(record);
    // Snowflake answers CREATE PROCEDURE as it does CREATE FUNCTION.
    return `Function ${name} successfully created.`;
  }
}

function returnTypes(statement: CreateProcedure): string[] {
  return statement.returns.kind === 'table' ? statement.returns.columns.map((column) => column.type) : [statement.returns.type];
}

function signatureText(name: string, types: string[]): string {
  return `${name}${signatureOf(types)}`;
}

function inScope(procedure: ProcedureRecord, scope: ShowScope | null, session: Where): boolean {
  switch (scope?.kind) {
    case undefined:
      return procedure.database === session.database;
    case 'account':
      return true;
    case 'database':
      return procedure.database === (scope.name ?? session.database);
    case 'schema':
      return procedure.database === (scope.name?.schema ?? session.database) && procedure.schema === (scope.name?.name ?? session.schema);
  }
}
