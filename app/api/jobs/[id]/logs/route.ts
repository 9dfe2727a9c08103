import { answer, json } from '@/lib/http/responses';
import { serviceLog } from '@/lib/jobs';
import { parseLogRequest } from '@/lib/jobs/route-params';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** ServiceLog: the last ?lines= lines of ?container= in ?instance= (400 naming a bad parameter). */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return answer(async () => {
    const logRequest = parseLogRequest(new URL(request.url).searchParams);
    const { id } = await params;
    return json(await serviceLog(id, logRequest));
  });
}
