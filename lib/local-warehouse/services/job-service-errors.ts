/**
 * The Snowflake errors job services and compute pools raise, in the shapes of
 * engine/snowflake-errors.ts. Where Snowflake's exact text is not in our references, the message
 * follows its "does not exist or not authorized" / compilation-error pattern.
 */
import { describeSpecError, type SpecError } from '@/lib/domain/spcs/spec';
import type { TemplateError } from '@/lib/domain/spcs/spec-template';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { SnowflakeError } from '../engine/types';

const notFound = (what: string, name: string): SnowflakeError => ({
  code: '002003',
  sqlState: '02000',
  message: `SQL compilation error:\n${what} '${name}' does not exist or not authorized.`,
});

const compilation = (detail: string) => new SnowflakeQueryError(snowflakeErrors.compilation(detail));

export const jobServiceErrors = {
  poolNotFound: (name: string) => new SnowflakeQueryError(notFound('Compute pool', name)),
  serviceNotFound: (name: string) => new SnowflakeQueryError(notFound('Service', name)),
  alreadyExists: (name: string) => new SnowflakeQueryError(snowflakeErrors.alreadyExists(name)),
  invalidSpec: (errors: SpecError[]) =>
    compilation(`Invalid spec: ${errors.map(describeSpecError).join('; ')}`),
  invalidTemplate: (errors: TemplateError[]) =>
    compilation(
      `Invalid specification template: ${errors.map((error) => `line ${error.line}, column ${error.column}: ${error.message}`).join('; ')}`,
    ),
  stageSpec: () =>
    compilation(
      'Specifications read from a stage (FROM @stage SPECIFICATION_FILE / SPECIFICATION_TEMPLATE_FILE) are not supported by the local warehouse; ' +
        'put the YAML inline with FROM SPECIFICATION $$…$$ or FROM SPECIFICATION_TEMPLATE $$…$$ USING (…).',
    ),
  image: (message: string) => compilation(message),
  neverFits: (pool: string, family: string) =>
    compilation(
      `The job's resource requests per instance exceed what one ${family} node of compute pool ${pool} has; it could never be scheduled.`,
    ),
  poolBusy: (pool: string, jobs: number) =>
    compilation(`Compute pool ${pool} has ${jobs} job service(s) pending or running; stop them first with ALTER COMPUTE POOL ${pool} STOP ALL.`),
  jobEnded: (name: string, status: string, message: string) =>
    new SnowflakeQueryError(snowflakeErrors.execution(`Job ${name} ended with status ${status}: ${message}`)),
  waitTimedOut: (name: string, wanted: string, seconds: number, status: string) =>
    new SnowflakeQueryError(
      snowflakeErrors.execution(`Service ${name} did not reach status ${wanted} within ${seconds} seconds; its current status is ${status}.`),
    ),
  unreachable: (name: string, wanted: string, status: string) =>
    new SnowflakeQueryError(
      snowflakeErrors.execution(`Service ${name} cannot reach status ${wanted}; its current status is ${status}.`),
    ),
  noSuchContainer: (name: string, instance: string, container: string) =>
    compilation(`Service ${name} has no container '${container}' in instance ${instance}.`),
  badArguments: (detail: string) => compilation(detail),
};
