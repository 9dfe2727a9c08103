import { answer, json } from '@/lib/http/responses';
import { resultPage } from '@/lib/jobs';
import { parseResultLimit } from '@/lib/jobs/route-params';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** ResultPage: the first ?limit= rows (409 saying why when the job has no result). */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return answer(async () => {
    const limit = parseResultLimit(new URL(request.url).searchParams);
    const { id } = await params;
    return json(await resultPage(id, limit));
  });
}
