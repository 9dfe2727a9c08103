import 'server-only';
/**
 * Which failed reads are worth logging. A warehouse without the job history is still followed
 * (by the names statements give), and refuses every read of it: that is said once, not every
 * round. A read that did not get through (or any other failure) is always worth saying.
 */
import { isWarehouseError } from '@/lib/warehouse/errors';

export class RefusedReads {
  private readonly refused = new Set<string>();

  /** Whether this failure of `read` (e.g. "job history") should be logged. */
  worthReporting(read: string, error: unknown): boolean {
    if (!isWarehouseError(error)) return true;
    if (this.refused.has(read)) return false;
    this.refused.add(read);
    return true;
  }
}
