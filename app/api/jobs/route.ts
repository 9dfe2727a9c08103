import { answer, json } from '@/lib/http/responses';
import { parseJobFilter } from '@/lib/jobs/route-params';
import { registry } from '@/lib/registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** JobList: ?phase=…&kind=…&origin=…&batch=…&q=…&limit=… (400 naming any bad parameter). */
export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const filter = parseJobFilter(new URL(request.url).searchParams);
    return json(await (await registry()).listJobs(filter));
  });
}
