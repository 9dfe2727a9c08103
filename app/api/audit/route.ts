import { listAudit } from '@/lib/audit';
import { parseAuditFilter } from '@/lib/audit/route-params';
import { DEFAULT_AUDIT_LIMIT, type AuditPage } from '@/lib/domain/audit';
import { answer, json } from '@/lib/http/responses';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** AuditPage: ?limit=&before=&action=&actor=&outcome= (400 naming any bad parameter). */
export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const filter = parseAuditFilter(new URL(request.url).searchParams);
    const limit = filter.limit ?? DEFAULT_AUDIT_LIMIT;
    // One entry more than asked for says whether "Load older" has anything to load.
    const entries = await listAudit({ ...filter, limit: limit + 1 });
    const page: AuditPage = { entries: entries.slice(0, limit), more: entries.length > limit };
    return json(page);
  });
}
