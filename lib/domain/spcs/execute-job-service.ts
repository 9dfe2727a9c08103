/**
 * `EXECUTE JOB SERVICE`: the parser the local warehouse runs and the builder the dashboard's
 * Job service form uses, so the form shows exactly the SQL that will run
 * (https://docs.snowflake.com/en/sql-reference/sql/execute-job-service).
 *
 * Snowflake's usage note puts the properties before the spec and its syntax block puts the spec
 * first; both appear in real statements (Terraform emits TAG after FROM), so properties are
 * accepted on either side of FROM, each at most once. Pure: runs in the browser too.
 */
import { isPlainIdentifier, sqlIdentifier, sqlStringLiteral } from '../sql/literals';
import { type ObjectName, SqlReader, startsWithWords } from '../sql/sql-reader';
import type { TemplateValues } from './spec-template';

export type SpecSource =
  | { kind: 'inline'; text: string }
  | { kind: 'template'; text: string; using: TemplateValues }
  /** Stage forms are parsed so the engine can say it does not read stages. */
  | { kind: 'stage_file'; stage: string; path: string }
  | { kind: 'stage_template_file'; stage: string; path: string; using: TemplateValues };

export interface ExecuteJobService {
  computePool: string;
  /** Null: Snowflake names the job JOB_<query id>. */
  name: ObjectName | null;
  async: boolean;
  replicas: number;
  queryWarehouse: string | null;
  comment: string | null;
  externalAccessIntegrations: string[];
  tags: { name: ObjectName; value: string }[];
  spec: SpecSource;
}

const PROPERTIES = ['NAME', 'ASYNC', 'REPLICAS', 'QUERY_WAREHOUSE', 'COMMENT', 'EXTERNAL_ACCESS_INTEGRATIONS', 'TAG'];
const EXPECTED_PROPERTY = `Expected one of ${PROPERTIES.join(', ')} or FROM.`;
const SPEC_FORMS =
  'Expected SPECIFICATION $$…$$, SPECIFICATION_TEMPLATE $$…$$ USING (…), or @stage SPECIFICATION_FILE = … after FROM.';

export function isExecuteJobService(sql: string): boolean {
  return startsWithWords(sql, 'EXECUTE', 'JOB', 'SERVICE');
}

/** Parses the statement or throws a SqlStatementError naming the token, line and position. */
export function parseExecuteJobService(sql: string): ExecuteJobService {
  const reader = new SqlReader(sql);
  reader.expectWords('Expected EXECUTE JOB SERVICE.', 'EXECUTE', 'JOB', 'SERVICE');
  reader.expectWords('Expected IN COMPUTE POOL <pool> after EXECUTE JOB SERVICE.', 'IN', 'COMPUTE', 'POOL');
  const job: Omit<ExecuteJobService, 'spec'> & { spec: SpecSource | null } = {
    computePool: reader.expectIdentifier('Expected the compute pool name after IN COMPUTE POOL.').name,
    name: null,
    async: false,
    replicas: 1,
    queryWarehouse: null,
    comment: null,
    externalAccessIntegrations: [],
    tags: [],
    spec: null,
  };
  const seen = new Set<string>();
  while (!reader.atEnd()) {
    const token = reader.peek();
    const keyword = token?.kind === 'identifier' ? token.text.toUpperCase() : '';
    if (keyword !== 'FROM' && !PROPERTIES.includes(keyword)) reader.fail(token, EXPECTED_PROPERTY);
    if (seen.has(keyword)) reader.fail(token, `${keyword} is given more than once.`);
    seen.add(keyword);
    reader.next();
    switch (keyword) {
      case 'FROM':
        job.spec = readSpecSource(reader);
        break;
      case 'NAME':
        reader.expectEquals('NAME');
        job.name = reader.expectObjectName('Expected the job name after NAME =.', false).name;
        break;
      case 'ASYNC':
        reader.expectEquals('ASYNC');
        job.async = reader.expectBoolean('ASYNC');
        break;
      case 'REPLICAS': {
        reader.expectEquals('REPLICAS');
        const replicas = reader.expectInteger('REPLICAS');
        if (replicas.value < 1) reader.invalid(replicas.token, `REPLICAS must be at least 1, not ${replicas.value}.`);
        job.replicas = replicas.value;
        break;
      }
      case 'QUERY_WAREHOUSE':
        reader.expectEquals('QUERY_WAREHOUSE');
        job.queryWarehouse = reader.expectIdentifier('Expected a warehouse name after QUERY_WAREHOUSE =.').name;
        break;
      case 'COMMENT':
        reader.expectEquals('COMMENT');
        job.comment = reader.expectString("Expected a string after COMMENT =, such as 'nightly run'.").value;
        break;
      case 'EXTERNAL_ACCESS_INTEGRATIONS':
        reader.expectEquals('EXTERNAL_ACCESS_INTEGRATIONS');
        job.externalAccessIntegrations = readList(reader, 'EXTERNAL_ACCESS_INTEGRATIONS', () =>
          reader.expectIdentifier('Expected an external access integration name.').name,
        );
        break;
      case 'TAG':
        job.tags = readList(reader, 'TAG', () => {
          const name = reader.expectObjectName('Expected a tag name.').name;
          reader.expectEquals('the tag name');
          return { name, value: reader.expectString("Expected the tag's value as a string.").value };
        });
        break;
    }
  }
  const spec =
    job.spec ??
    reader.fail(undefined, 'EXECUTE JOB SERVICE needs FROM SPECIFICATION $$…$$ or FROM SPECIFICATION_TEMPLATE $$…$$ USING (…).');
  return { ...job, spec };
}

function readSpecSource(reader: SqlReader): SpecSource {
  const at = reader.acceptSymbol('@');
  if (at) {
    const stage = '@' + reader.readAdjacent(at, 'Expected a stage name after @.');
    if (reader.acceptWords('SPECIFICATION_FILE')) {
      reader.expectEquals('SPECIFICATION_FILE');
      return { kind: 'stage_file', stage, path: reader.expectString('Expected the file path as a string.').value };
    }
    reader.expectWords('Expected SPECIFICATION_FILE = … or SPECIFICATION_TEMPLATE_FILE = … after the stage.', 'SPECIFICATION_TEMPLATE_FILE');
    reader.expectEquals('SPECIFICATION_TEMPLATE_FILE');
    const path = reader.expectString('Expected the file path as a string.').value;
    return { kind: 'stage_template_file', stage, path, using: readUsing(reader) };
  }
  if (reader.acceptWords('SPECIFICATION')) {
    return { kind: 'inline', text: reader.expectString('Expected the specification as $$…$$ or a quoted string.').value };
  }
  reader.expectWords(SPEC_FORMS, 'SPECIFICATION_TEMPLATE');
  const text = reader.expectString('Expected the specification template as $$…$$ or a quoted string.').value;
  return { kind: 'template', text, using: readUsing(reader) };
}

/** `USING ( key => value [, …] )`: values are '…', $$…$$, numbers or bare words. */
function readUsing(reader: SqlReader): TemplateValues {
  reader.expectWords('A specification template needs USING (name => value, …).', 'USING');
  const entries = readList(reader, 'USING', () => {
    const key = reader.expectIdentifier('Expected a template variable name.').token;
    reader.expectSymbol('=>', `Expected '=>' after ${key.text}.`);
    const minus = reader.acceptSymbol('-');
    const token = reader.peek();
    if (token?.kind === 'number' || (!minus && token?.kind === 'identifier')) {
      reader.next();
      return { key, value: (minus ? '-' : '') + token.text };
    }
    return { key, value: reader.expectString("Expected a value: 'text', $$text$$, a number or a word.").value };
  });
  const using: TemplateValues = {};
  for (const { key, value } of entries) {
    if (Object.hasOwn(using, key.text)) reader.fail(key, `Template variable ${key.text} is given more than once.`);
    using[key.text] = value;
  }
  return using;
}

/** `( item [, item]* )`. */
function readList<T>(reader: SqlReader, what: string, item: () => T): T[] {
  reader.expectSymbol('(', `Expected '(' after ${what}.`);
  const items = [item()];
  while (reader.acceptSymbol(',')) items.push(item());
  reader.expectSymbol(')', `Expected ',' or ')' in the ${what} list.`);
  return items;
}

export interface ExecuteJobServiceOptions {
  /** The pool's name as the warehouse stores it (quoted if it needs to be). */
  computePool: string;
  /** `name` or `db.schema.name`; job names cannot be quoted, so each part must be a plain word. */
  name?: string | null;
  async?: boolean;
  replicas?: number;
  queryWarehouse?: string | null;
  comment?: string | null;
  externalAccessIntegrations?: string[];
  /** The YAML specification. */
  spec: string;
}

/**
 * The statement for these options, properties before FROM (the order the usage note gives and
 * the one that works for EXTERNAL_ACCESS_INTEGRATIONS). Throws on options no SQL can express.
 */
export function buildExecuteJobService(options: ExecuteJobServiceOptions): string {
  if (options.spec.includes('$$')) {
    throw new Error('The specification contains "$$", which would end the $$…$$ block; remove it.');
  }
  const lines = ['EXECUTE JOB SERVICE', `  IN COMPUTE POOL ${sqlIdentifier(options.computePool)}`];
  if (options.name) lines.push(`  NAME = ${jobName(options.name)}`);
  if (options.async !== undefined) lines.push(`  ASYNC = ${options.async ? 'TRUE' : 'FALSE'}`);
  if (options.replicas !== undefined) {
    if (!Number.isInteger(options.replicas) || options.replicas < 1) {
      throw new Error(`Replicas must be a whole number of at least 1, not ${options.replicas}.`);
    }
    lines.push(`  REPLICAS = ${options.replicas}`);
  }
  if (options.queryWarehouse) lines.push(`  QUERY_WAREHOUSE = ${sqlIdentifier(options.queryWarehouse)}`);
  if (options.comment) lines.push(`  COMMENT = ${sqlStringLiteral(options.comment)}`);
  if (options.externalAccessIntegrations?.length) {
    lines.push(`  EXTERNAL_ACCESS_INTEGRATIONS = (${options.externalAccessIntegrations.map(sqlIdentifier).join(', ')})`);
  }
  const spec = options.spec.endsWith('\n') ? options.spec : `${options.spec}\n`;
  lines.push(`  FROM SPECIFICATION $$\n${spec}$$`);
  return lines.join('\n');
}

function jobName(name: string): string {
  const parts = name.split('.');
  const bad = parts.find((part) => !isPlainIdentifier(part.toUpperCase()));
  if (parts.length > 3 || bad !== undefined) {
    throw new Error(
      `Job name "${name}" must be name or database.schema.name, each part letters, digits, _ or $ and not starting with a digit.`,
    );
  }
  return name;
}
