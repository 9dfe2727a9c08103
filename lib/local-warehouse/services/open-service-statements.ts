/**
 * Job services as the engine's ServiceStatements: records in the engine's system database,
 * containers run by `runtime`, each job's folder under `jobsDir`.
 */
import type { Database } from '../engine/database';
import type { ServiceStatements } from '../engine/service-statements';
import { answerServiceStatement } from './answer-service-statement';
import type { JobRuntime } from './job-runtime';
import { JOB_SERVICES_TABLE, JobServiceStore } from './job-service-store';
import { JobServices } from './job-services';

export async function openServiceStatements(
  database: Database,
  options: { runtime: JobRuntime; jobsDir: string; now?: () => number },
): Promise<ServiceStatements> {
  const store = await JobServiceStore.open(database);
  const services = await JobServices.open({ store, ...options });
  return {
    answer: (statement, session, signal) => answerServiceStatement(statement, session, signal, services),
    jobHistory: {
      name: JOB_SERVICES_TABLE,
      flush: () => store.flush(),
      logs: (job, session) => services.logLines(services.find(job, session)),
    },
    async close() {
      await services.close();
      await options.runtime.close();
    },
  };
}
