import { z } from '@/lib/domain/validation/zod';
import { answer, json } from '@/lib/http/responses';
import { listTaskRuns } from '@/lib/tasks';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const paramsSchema = z.object({
  root: z.string().min(1, 'must name a root task id').max(200, 'is at most 200 characters').optional(),
});

/** TaskRunsData: ?root=<root task id> (or every root): TASK_HISTORY and CURRENT_TASK_GRAPHS in one read. */
export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const { root } = paramsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return json(await listTaskRuns(root ?? null));
  });
}
