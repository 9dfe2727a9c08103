import { describe, expect, it } from 'vitest';
import {
  buildExecuteJobService,
  isExecuteJobService,
  parseExecuteJobService,
} from './execute-job-service';
import { statementError } from '../sql/statement-error.fixture';

const SPEC = 'spec:\n  containers:\n  - name: main\n    image: /db/s/repo/text_analysis:latest\n';

const errorOf = (sql: string) => statementError(parseExecuteJobService, sql);

describe('parseExecuteJobService', () => {
  it('reads every property with properties before FROM, as the usage note orders them', () => {
    const job = parseExecuteJobService(
      `EXECUTE JOB SERVICE IN COMPUTE POOL cpu_s NAME = google_reviews.google_reviews.summarize ASYNC = TRUE
       REPLICAS = 3 QUERY_WAREHOUSE = wh COMMENT = 'it''s nightly' EXTERNAL_ACCESS_INTEGRATIONS = (eai_a, "eai_b")
       TAG (gov.tags.owner = 'data', cost = 'x') FROM SPECIFICATION $$${SPEC}$$;`,
    );
    expect(job).toEqual({
      computePool: 'CPU_S',
      name: { database: 'GOOGLE_REVIEWS', schema: 'GOOGLE_REVIEWS', name: 'SUMMARIZE' },
      async: true,
      replicas: 3,
      queryWarehouse: 'WH',
      comment: "it's nightly",
      externalAccessIntegrations: ['EAI_A', 'eai_b'],
      tags: [
        { name: { database: 'GOV', schema: 'TAGS', name: 'OWNER' }, value: 'data' },
        { name: { database: null, schema: null, name: 'COST' }, value: 'x' },
      ],
      spec: { kind: 'inline', text: SPEC },
    });
  });

  it('accepts the spec right after the pool and properties after it, as the syntax block orders them', () => {
    const job = parseExecuteJobService(`execute job service in compute pool p from specification '${SPEC}' name = j async = false tag (t = 'v')`);
    expect(job).toMatchObject({ computePool: 'P', name: { name: 'J' }, async: false, replicas: 1, spec: { kind: 'inline', text: SPEC } });
    expect(job.tags).toEqual([{ name: { database: null, schema: null, name: 'T' }, value: 'v' }]);
  });

  it('defaults to a synchronous single replica with no name', () => {
    expect(parseExecuteJobService(`EXECUTE JOB SERVICE IN COMPUTE POOL p FROM SPECIFICATION $$${SPEC}$$`)).toMatchObject({
      name: null,
      async: false,
      replicas: 1,
      queryWarehouse: null,
      comment: null,
      externalAccessIntegrations: [],
      tags: [],
    });
  });

  it('reads a template with USING values of every kind', () => {
    const job = parseExecuteJobService(
      `EXECUTE JOB SERVICE IN COMPUTE POOL p FROM SPECIFICATION_TEMPLATE $$image: {{ image }}$$
       USING (image => '/a/b/c:1', ARGS=>$$["--a","b"]$$, n => 4, neg => -2, mode => fast) NAME = j`,
    );
    expect(job.spec).toEqual({
      kind: 'template',
      text: 'image: {{ image }}',
      using: { image: '/a/b/c:1', ARGS: '["--a","b"]', n: '4', neg: '-2', mode: 'fast' },
    });
    expect(job.name?.name).toBe('J');
  });

  it('parses the stage forms and marks them as stage-based', () => {
    expect(parseExecuteJobService(`EXECUTE JOB SERVICE IN COMPUTE POOL p FROM @db.s.specs/jobs SPECIFICATION_FILE = 'job.yaml'`).spec).toEqual({
      kind: 'stage_file',
      stage: '@db.s.specs/jobs',
      path: 'job.yaml',
    });
    expect(
      parseExecuteJobService(`EXECUTE JOB SERVICE IN COMPUTE POOL p FROM @st SPECIFICATION_TEMPLATE_FILE = 't.yaml' USING (a => 1)`).spec,
    ).toEqual({ kind: 'stage_template_file', stage: '@st', path: 't.yaml', using: { a: '1' } });
  });

  it.each([
    [
      'a missing pool',
      `EXECUTE JOB SERVICE FROM SPECIFICATION $$x$$`,
      "SQL compilation error:\nsyntax error line 1 at position 20 unexpected 'FROM'.\nExpected IN COMPUTE POOL <pool> after EXECUTE JOB SERVICE.",
    ],
    [
      'a missing spec',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p\n  NAME = j`,
      "SQL compilation error:\nsyntax error line 2 at position 10 unexpected '<EOF>'.\nEXECUTE JOB SERVICE needs FROM SPECIFICATION $$…$$ or FROM SPECIFICATION_TEMPLATE $$…$$ USING (…).",
    ],
    [
      'an unknown property',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p MIN_INSTANCES = 2 FROM SPECIFICATION $$x$$`,
      "SQL compilation error:\nsyntax error line 1 at position 38 unexpected 'MIN_INSTANCES'.\nExpected one of NAME, ASYNC, REPLICAS, QUERY_WAREHOUSE, COMMENT, EXTERNAL_ACCESS_INTEGRATIONS, TAG or FROM.",
    ],
    [
      'a duplicate property',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p ASYNC = TRUE\nFROM SPECIFICATION $$x$$ ASYNC = FALSE`,
      "SQL compilation error:\nsyntax error line 2 at position 25 unexpected 'ASYNC'.\nASYNC is given more than once.",
    ],
    [
      'two specs',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p FROM SPECIFICATION $$x$$ FROM SPECIFICATION $$y$$`,
      "SQL compilation error:\nsyntax error line 1 at position 63 unexpected 'FROM'.\nFROM is given more than once.",
    ],
    [
      'a non-boolean ASYNC',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p ASYNC = yes FROM SPECIFICATION $$x$$`,
      "SQL compilation error:\nsyntax error line 1 at position 46 unexpected 'yes'.\nASYNC takes TRUE or FALSE.",
    ],
    [
      'a fractional REPLICAS',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p REPLICAS = 1.5 FROM SPECIFICATION $$x$$`,
      "SQL compilation error:\nsyntax error line 1 at position 49 unexpected '1.5'.\nREPLICAS takes a whole number.",
    ],
    [
      'REPLICAS = = 2 (the doc typo)',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p REPLICAS = = 2 FROM SPECIFICATION $$x$$`,
      "SQL compilation error:\nsyntax error line 1 at position 49 unexpected '='.\nREPLICAS takes a whole number.",
    ],
    [
      'a quoted job name',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p NAME = "my job" FROM SPECIFICATION $$x$$`,
      'SQL compilation error:\nsyntax error line 1 at position 45 unexpected \'"my job"\'.\nQuoted names are not supported here.',
    ],
    [
      'an unterminated spec',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p FROM SPECIFICATION $$spec:`,
      "SQL compilation error:\nsyntax error line 1 at position 57 unexpected '$$spec:'.\nThe $$ string starting here is not closed.",
    ],
    [
      'FROM without a spec form',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p FROM TABLE t`,
      "SQL compilation error:\nsyntax error line 1 at position 43 unexpected 'TABLE'.\nExpected SPECIFICATION $$…$$, SPECIFICATION_TEMPLATE $$…$$ USING (…), or @stage SPECIFICATION_FILE = … after FROM.",
    ],
    [
      'a template without USING',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p FROM SPECIFICATION_TEMPLATE $$x$$ NAME = j`,
      "SQL compilation error:\nsyntax error line 1 at position 72 unexpected 'NAME'.\nA specification template needs USING (name => value, …).",
    ],
    [
      'a USING key given twice',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p FROM SPECIFICATION_TEMPLATE $$x$$ USING (a => 1, a => 2)`,
      "SQL compilation error:\nsyntax error line 1 at position 87 unexpected 'a'.\nTemplate variable a is given more than once.",
    ],
    [
      'an unclosed integration list',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p EXTERNAL_ACCESS_INTEGRATIONS = (a b) FROM SPECIFICATION $$x$$`,
      "SQL compilation error:\nsyntax error line 1 at position 72 unexpected 'b'.\nExpected ',' or ')' in the EXTERNAL_ACCESS_INTEGRATIONS list.",
    ],
    [
      'a stage without a file clause',
      `EXECUTE JOB SERVICE IN COMPUTE POOL p FROM @st 'job.yaml'`,
      "SQL compilation error:\nsyntax error line 1 at position 47 unexpected ''job.yaml''.\nExpected SPECIFICATION_FILE = … or SPECIFICATION_TEMPLATE_FILE = … after the stage.",
    ],
  ])('refuses %s with a syntax error naming the token', (_, sql, message) => {
    const error = errorOf(sql);
    expect(error.message).toBe(message);
    expect(error.snowflake).toEqual({ code: '001003', sqlState: '42000', message });
  });

  it.each([
    ['0', 'REPLICAS must be at least 1, not 0. (line 1 at position 49)'],
    ['-1', 'REPLICAS must be at least 1, not -1. (line 1 at position 49)'],
  ])('refuses REPLICAS = %s as an invalid value', (replicas, detail) => {
    const error = errorOf(`EXECUTE JOB SERVICE IN COMPUTE POOL p REPLICAS = ${replicas} FROM SPECIFICATION $$x$$`);
    expect(error.snowflake).toEqual({ code: '002000', sqlState: '42000', message: `SQL compilation error:\n${detail}` });
    expect([error.line, error.position]).toEqual([1, 49]);
  });
});

describe('isExecuteJobService', () => {
  it('recognises the statement past comments and case, even when unfinished', () => {
    expect(isExecuteJobService('-- launch\n  execute /* x */ JOB service IN')).toBe(true);
    expect(isExecuteJobService("EXECUTE JOB SERVICE IN COMPUTE POOL p FROM SPECIFICATION 'unclosed")).toBe(true);
    expect(isExecuteJobService('EXECUTE TASK t')).toBe(false);
    expect(isExecuteJobService("SELECT 'EXECUTE JOB SERVICE'")).toBe(false);
    expect(isExecuteJobService('')).toBe(false);
  });
});

describe('buildExecuteJobService', () => {
  it('writes the statement the form runs, with properties before FROM', () => {
    const sql = buildExecuteJobService({
      computePool: 'CPU_S',
      name: 'google_reviews.google_reviews.summarize',
      async: true,
      replicas: 2,
      queryWarehouse: 'my wh',
      comment: "Bob's run \\ nightly",
      externalAccessIntegrations: ['EAI', 'select'],
      spec: SPEC,
    });
    expect(sql).toBe(
      [
        'EXECUTE JOB SERVICE',
        '  IN COMPUTE POOL CPU_S',
        '  NAME = google_reviews.google_reviews.summarize',
        '  ASYNC = TRUE',
        '  REPLICAS = 2',
        '  QUERY_WAREHOUSE = "my wh"',
        "  COMMENT = 'Bob''s run \\\\ nightly'",
        '  EXTERNAL_ACCESS_INTEGRATIONS = (EAI, "select")',
        `  FROM SPECIFICATION $$\n${SPEC}$$`,
      ].join('\n'),
    );
  });

  it('round-trips through the parser', () => {
    const sql = buildExecuteJobService({ computePool: 'pool', name: 'j', async: false, comment: "a'b\\c", spec: 'spec: {}' });
    expect(parseExecuteJobService(sql)).toMatchObject({
      computePool: 'pool',
      name: { name: 'J' },
      async: false,
      comment: "a'b\\c",
      // The builder starts the spec on the line after $$ and the parser keeps the text verbatim.
      spec: { kind: 'inline', text: '\nspec: {}\n' },
    });
  });

  it('quotes a reserved or lower-case pool name so it resolves to itself', () => {
    expect(buildExecuteJobService({ computePool: 'TABLE', spec: SPEC })).toContain('IN COMPUTE POOL "TABLE"');
    expect(buildExecuteJobService({ computePool: 'my_pool', spec: SPEC })).toContain('IN COMPUTE POOL "my_pool"');
  });

  it.each([
    [{ spec: 'args: ["$$"]' }, 'The specification contains "$$", which would end the $$…$$ block; remove it.'],
    [{ name: 'my job' }, 'Job name "my job" must be name or database.schema.name, each part letters, digits, _ or $ and not starting with a digit.'],
    [{ name: 'a.b.c.d' }, 'Job name "a.b.c.d" must be name or database.schema.name, each part letters, digits, _ or $ and not starting with a digit.'],
    [{ replicas: 0 }, 'Replicas must be a whole number of at least 1, not 0.'],
  ])('refuses options no statement can express: %o', (options, message) => {
    expect(() => buildExecuteJobService({ computePool: 'P', spec: SPEC, ...options })).toThrow(message);
  });
});
