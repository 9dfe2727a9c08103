import { JobNotFoundError } from '@/lib/errors/request-errors';
import { answer, json } from '@/lib/http/responses';
import { registry } from '@/lib/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** JobDetail, with the job's status transitions (404 when the id is unknown). */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return answer(async () => {
    const { id } = await params;
    const job = await (await registry()).getJob(id);
    if (!job) throw new JobNotFoundError(id);
    return json(job);
  });
}
