import { answer, json } from '@/lib/http/responses';
import { parseTimelineFilter } from '@/lib/jobs/route-params';
import { registry } from '@/lib/registry';
import { MAX_TIMELINE_JOBS } from '@/lib/registry/limits';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** TimelineData: ?batch=…&kind=…&phase=…&label=…&since=…&until=… (400 naming any bad parameter). */
export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const filter = parseTimelineFilter(new URL(request.url).searchParams);
    return json(await (await registry()).timeline(filter, MAX_TIMELINE_JOBS));
  });
}
