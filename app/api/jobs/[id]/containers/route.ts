import { answer, json } from '@/lib/http/responses';
import { containers } from '@/lib/jobs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** ServiceContainer[] of a job service (409 for a query; [] until the warehouse lists the job). */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return answer(async () => {
    const { id } = await params;
    return json(await containers(id));
  });
}
