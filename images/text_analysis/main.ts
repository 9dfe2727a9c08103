/**
 * Entry point of the text_analysis image: `node --import tsx main.ts --task=… --source_table=…`.
 * Exit status 0 when the job finished, 2 for bad arguments (as argparse), 1 for any other failure.
 */
import '@/lib/warehouse/quiet-aws-warning';
import { connect, destroy } from '../../lib/warehouse/sdk';
import { ArgumentError, parseArgs } from './args';
import { connectionOptionsFromEnv } from './connection-options';
import { runJob } from './job';

const LOGGER = 'text_analysis';
const log = {
  info: (message: string) => console.log(`${LOGGER} - INFO - ${message}`),
  error: (message: string) => console.error(`${LOGGER} - ERROR - ${message}`),
};

async function main(): Promise<number> {
  log.info('Job started');
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    log.error(`Bad arguments: ${error.message}`);
    return 2;
  }
  const connection = await connect(connectionOptionsFromEnv(process.env));
  try {
    await runJob(connection, args, log);
  } finally {
    await destroy(connection);
  }
  log.info('Job finished');
  return 0;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    log.error(`Job failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
