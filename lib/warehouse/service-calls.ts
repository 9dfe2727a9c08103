import 'server-only';
/**
 * Reads of Snowpark Container Services: every job service's status, one service's containers
 * and their logs, and the compute pools a job can run on.
 */
import type { ComputePool, ServiceContainer, ServiceLog } from '@/lib/domain/job';
import { logLines, parseComputePoolRow, parseContainerRow, parseJobServiceRow, textOrNull, type JobServiceRow } from '@/lib/domain/service-rows';
import { READ_TIMEOUT_MS, STATUS_TIMEOUT_MS, type Borrow } from './borrow';
import { internalAnswer, internalRows } from './internal-statements';
import { serviceIdentifier } from './sql';

export function serviceCalls(use: Borrow) {
  return {
    /** Every job service the role can see, in one read (the tracker's poll of all of them). */
    showJobServices(): Promise<JobServiceRow[]> {
      return use('a job services read', STATUS_TIMEOUT_MS, async (connection) => {
        const rows = await internalRows(connection, 'SHOW JOB SERVICES IN ACCOUNT');
        return rows.flatMap((row) => parseJobServiceRow(row) ?? []);
      });
    },

    /** The containers of every instance of a job service. */
    serviceContainers(serviceName: string): Promise<ServiceContainer[]> {
      const service = serviceIdentifier(serviceName);
      return use('a service containers read', STATUS_TIMEOUT_MS, async (connection) => {
        const rows = await internalRows(connection, `SHOW SERVICE CONTAINERS IN SERVICE ${service}`);
        return rows.map(parseContainerRow);
      });
    },

    /** The last `lines` lines of one container's log. */
    serviceLog(serviceName: string, instanceId: string, containerName: string, lines: number): Promise<ServiceLog> {
      const service = serviceIdentifier(serviceName);
      const instance = /^\d+$/.test(instanceId) ? Number(instanceId) : instanceId;
      return use('a service log read', READ_TIMEOUT_MS, async (connection) => {
        const text = await internalAnswer(connection, 'SELECT SYSTEM$GET_SERVICE_LOGS(?, ?, ?, ?)', [service, instance, containerName, lines]);
        return { instanceId, containerName, lines: logLines(textOrNull(text)) };
      });
    },

    /** The compute pools the role can use, for the Launch form. */
    computePools(): Promise<ComputePool[]> {
      return use('a compute pools read', STATUS_TIMEOUT_MS, async (connection) => {
        const rows = await internalRows(connection, 'SHOW COMPUTE POOLS');
        return rows.flatMap((row) => parseComputePoolRow(row) ?? []);
      });
    },
  };
}
