import { currentCaller } from '@/lib/auth/caller';
import { signInRequired } from '@/lib/auth/errors';
import { answer } from '@/lib/http/responses';
import { csvDownload } from '@/lib/jobs';
import { parseCsvOptions } from '@/lib/jobs/csv-export';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The whole result as a CSV download, streamed a batch of rows at a time. Formula-like cells are
 * escaped unless ?raw=1; a caller may run a few downloads at once (429 past that).
 */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return answer(async () => {
    const options = parseCsvOptions(new URL(request.url).searchParams);
    const { id } = await params;
    // answer() has let the caller in; asked again here to count their downloads.
    const caller = await currentCaller();
    if (caller === null) throw signInRequired();
    return csvDownload(id, { caller, options, signal: request.signal });
  });
}
