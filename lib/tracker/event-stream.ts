import 'server-only';
/**
 * The tracker's change events as a Server-Sent Events byte stream for one subscriber. It
 * unsubscribes and stops its heartbeat when the client goes away (abort) or the stream is
 * cancelled, so closed tabs leave nothing behind.
 */
import type { ChangeEvent } from '@/lib/domain/job';
import { sharedEventBus, type EventBus } from './events';

export const HEARTBEAT_MS = 15_000;

export function changeEventStream(signal: AbortSignal, bus: EventBus = sharedEventBus(), heartbeatMs = HEARTBEAT_MS): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop: (closeStream: boolean) => void = () => undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = bus.subscribe((event: ChangeEvent) => send(`data: ${JSON.stringify(event)}\n\n`));
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
      const onAbort = () => stop(true);
      stop = (closeStream) => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener('abort', onAbort);
        if (closeStream) controller.close();
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort);
      // Tells the browser how soon to reconnect, and flushes the headers at once.
      send('retry: 2000\n\n');
    },
    cancel() {
      stop(false);
    },
  });
}
