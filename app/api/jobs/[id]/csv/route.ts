import { csvFileName, csvLine } from '@/lib/domain/csv';
import { answer } from '@/lib/http/responses';
import { resultStream } from '@/lib/jobs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The whole result as a CSV download, streamed row by row. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return answer(async () => {
    const { id } = await params;
    const { queryId, result } = await resultStream(id);
    const encoder = new TextEncoder();
    const rows = result.rows[Symbol.asyncIterator]();
    let headerSent = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(csvLine(result.columns.map((column) => column.name))));
          return;
        }
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(csvLine(next.value)));
      },
      async cancel() {
        // The download was abandoned: stop reading the result.
        await rows.return?.();
      },
    });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${csvFileName(queryId)}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}
