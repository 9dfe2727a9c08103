/**
 * flurry_test: the small general image the local warehouse's own tests run. Each argument asks
 * for one behaviour, done in this order:
 *
 *   --env             print the injected SNOWFLAKE_* variables (and the spec's env), sorted
 *   --lines <n>       print n numbered lines, every third one to stderr
 *   --query '<sql>'   log in to the warehouse with OAuth (the session token file) and print the rows
 *   --sleep <s>       sleep s seconds
 *   --exit <code>     exit with that code (default 0)
 *   --ignore-sigterm  keep running after SIGTERM (to be killed after the grace period)
 *
 * On SIGTERM it logs "terminating" and exits 143, as a well-behaved container does.
 */
import { readFileSync } from 'node:fs';
import '@/lib/warehouse/quiet-aws-warning';
import snowflake from 'snowflake-sdk';

interface Options {
  env: boolean;
  lines: number;
  query: string | null;
  sleepSeconds: number;
  exitCode: number;
  ignoreSigterm: boolean;
}

function fail(message: string): never {
  console.error(`flurry_test: ${message}`);
  process.exit(2);
}

function numberAfter(argv: string[], index: number, flag: string): number {
  const value = Number(argv[index + 1]);
  if (argv[index + 1] === undefined || !Number.isFinite(value) || value < 0) fail(`${flag} needs a number of at least 0; got ${JSON.stringify(argv[index + 1])}.`);
  return value;
}

function parse(argv: string[]): Options {
  const options: Options = { env: false, lines: 0, query: null, sleepSeconds: 0, exitCode: 0, ignoreSigterm: false };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    if (flag === '--env') options.env = true;
    else if (flag === '--ignore-sigterm') options.ignoreSigterm = true;
    else if (flag === '--lines') options.lines = numberAfter(argv, index++, flag);
    else if (flag === '--sleep') options.sleepSeconds = numberAfter(argv, index++, flag);
    else if (flag === '--exit') options.exitCode = numberAfter(argv, index++, flag);
    else if (flag === '--query') {
      options.query = argv[++index] ?? fail('--query needs the SQL text.');
    } else fail(`unknown argument ${JSON.stringify(flag)}; expected --env, --lines, --query, --sleep, --exit or --ignore-sigterm.`);
  }
  return options;
}

function env(name: string): string {
  return process.env[name] ?? fail(`${name} is not set; is this running as a job service container?`);
}

/** The token is re-read on every connect, as Snowflake's guidance says: it is short-lived. */
async function query(sqlText: string): Promise<unknown[]> {
  snowflake.configure({
    logLevel: 'ERROR',
    customLogger: { error: (message: string) => console.error(message), warn() {}, info() {}, debug() {}, trace() {} },
  });
  const port = env('SNOWFLAKE_PORT');
  const connection = snowflake.createConnection({
    accessUrl: `${port === '443' ? 'https' : 'http'}://${env('SNOWFLAKE_HOST')}:${port}`,
    account: env('SNOWFLAKE_ACCOUNT'),
    authenticator: 'OAUTH',
    token: readFileSync(env('SNOWFLAKE_SESSION_TOKEN_PATH'), 'utf8').trim(),
    database: env('SNOWFLAKE_DATABASE'),
    schema: env('SNOWFLAKE_SCHEMA'),
    warehouse: process.env.SNOWFLAKE_WAREHOUSE,
  });
  // snowflake-sdk 3.3's connectAsync reports a refused login only to a callback.
  await new Promise((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve(connection))));
  try {
    return await new Promise((resolve, reject) =>
      connection.execute({ sqlText, complete: (error, _statement, rows) => (error ? reject(error) : resolve(rows ?? [])) }),
    );
  } finally {
    await new Promise((resolve) => connection.destroy(resolve));
  }
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  process.on('SIGTERM', () => {
    console.log(options.ignoreSigterm ? 'terminating? no: ignoring SIGTERM' : 'terminating');
    if (!options.ignoreSigterm) process.exit(143);
  });
  console.log(`flurry_test started (job index ${process.env.SNOWFLAKE_JOB_INDEX ?? '?'})`);
  if (options.env) {
    for (const name of Object.keys(process.env).filter((key) => key !== 'PATH' && key !== 'HOME').sort()) {
      console.log(`${name}=${process.env[name]}`);
    }
  }
  for (let line = 1; line <= options.lines; line++) {
    if (line % 3 === 0) console.error(`line ${line}`);
    else console.log(`line ${line}`);
  }
  if (options.query !== null) {
    const rows = await query(options.query);
    console.log(`query result: ${JSON.stringify(rows)}`);
  }
  if (options.sleepSeconds > 0) await new Promise((resolve) => setTimeout(resolve, options.sleepSeconds * 1000));
  console.log(`flurry_test exiting with ${options.exitCode}`);
  process.exit(options.exitCode);
}

main().catch((error: Error) => {
  console.error(`flurry_test failed: ${error.message}`);
  process.exit(1);
});
