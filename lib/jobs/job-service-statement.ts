/**
 * What the registry records about an EXECUTE JOB SERVICE statement, read with the same parser
 * the local warehouse runs (lib/domain/spcs).
 */
import { isExecuteJobService, parseExecuteJobService } from '@/lib/domain/spcs/execute-job-service';
import type { NewJobService } from '@/lib/registry/types';

/**
 * The job service a statement starts, or null when it is not an EXECUTE JOB SERVICE statement
 * or does not parse: then it runs as a plain query and the warehouse's error says what is wrong.
 */
export function jobServiceOf(sql: string): NewJobService | null {
  if (!isExecuteJobService(sql)) return null;
  let parsed;
  try {
    parsed = parseExecuteJobService(sql);
  } catch {
    return null;
  }
  const { name, spec } = parsed;
  return {
    name: name ? [name.database, name.schema, name.name].filter((part) => part !== null).join('.') : null,
    computePool: parsed.computePool,
    spec: spec.kind === 'inline' || spec.kind === 'template' ? spec.text : null,
    replicas: parsed.replicas,
  };
}
