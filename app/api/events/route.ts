import { answer } from '@/lib/http/responses';
import { changeEventStream } from '@/lib/tracker/event-stream';
import { sharedTracker } from '@/lib/tracker';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Server-Sent Events: one `data:` line per ChangeEvent from the server's one tracker, and a
 * heartbeat comment every 15 s. A tab only learns what changed; it reads the rest itself.
 */
export function GET(request: Request): Promise<Response> {
  return answer(async () => {
    // The tracker is normally started by instrumentation.ts; this covers a server where it failed.
    await sharedTracker().catch((error: unknown) => console.error('[flurry] the tracker is not running:', error));
    return new Response(changeEventStream(request.signal), {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      },
    });
  });
}
