import 'server-only';
/**
 * A job's whole result as a CSV download. The rows are read from the warehouse a batch at a
 * time and each batch is written as one piece: written a row at a time, every row was its own
 * write (and, compressed, its own flush) to the client. The stream is pulled, so a slow client
 * holds back the reading instead of the rows piling up in memory.
 *
 * A download holds a slot (lib/domain/export-slots.ts) from the request until it ends: done,
 * failed, or abandoned by its client. A caller over the limit gets 429 and is told why.
 */
import { z } from '@/lib/domain/validation/zod';
import type { Caller } from '@/lib/domain/access';
import { AccessError } from '@/lib/auth/errors';
import { csvFileName, csvLine, csvLines, type CsvOptions } from '@/lib/domain/csv';
import { createExportSlots, csvExportLimits, type ExportSlots } from '@/lib/domain/export-slots';
import { oneOf, single } from '@/lib/domain/validation/query-params';
import type { ResultStream } from '@/lib/warehouse/result-stream';
import { jobResultStream, type ResultDeps } from './results';
import { processSingleton } from '@/lib/runtime/process-singleton';

export interface CsvExportDeps extends ResultDeps {
  slots: ExportSlots;
}

export interface CsvExportRequest {
  caller: Caller;
  options: CsvOptions;
  /** Aborted when the client goes away before the download ends. */
  signal?: AbortSignal;
}

const csvParamsSchema = z.object({ raw: oneOf('raw setting', ['0', '1']).optional() });

/** ?raw=1: cells exactly as the warehouse gave them; throws a ZodError naming a bad value. */
export function parseCsvOptions(params: URLSearchParams): CsvOptions {
  return { raw: csvParamsSchema.parse({ raw: single(params, 'raw') }).raw === '1' };
}

function csvBody(result: ResultStream, options: CsvOptions, release: () => void, signal: AbortSignal | undefined): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = result.batches[Symbol.asyncIterator]();
  const stop = async () => {
    release();
    await batches.return?.();
  };
  if (signal?.aborted) void stop();
  else signal?.addEventListener('abort', () => void stop(), { once: true });
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(result.columns.map((column) => column.name), options)));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) {
          release();
          controller.close();
        } else {
          controller.enqueue(encoder.encode(csvLines(next.value, options)));
        }
      } catch (error) {
        release();
        throw error;
      }
    },
    cancel: stop,
  });
}

/** The process's one count of running downloads: Next loads each route as its own module graph. */
export function sharedExportSlots(): ExportSlots {
  return processSingleton('exportSlots', createExportSlots);
}

export async function csvExport(jobId: string, { caller, options, signal }: CsvExportRequest, deps: CsvExportDeps): Promise<Response> {
  const slot = deps.slots.take(csvExportLimits(caller));
  if (!slot.granted) throw new AccessError('too-many-attempts', slot.refusedBy.refusal);
  try {
    const { queryId, result } = await jobResultStream(jobId, deps);
    return new Response(csvBody(result, options, slot.release, signal), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${csvFileName(queryId)}"`,
        // no-transform: Next's compression (and a proxy's) leaves the download alone. Gzipping it
        // more than doubled the dashboard's CPU per row (docs/performance.md, "CSV export"), a
        // core shared with the tracker and every page, to save bytes on loopback or a LAN.
        'Cache-Control': 'no-store, no-transform',
      },
    });
  } catch (error) {
    slot.release();
    throw error;
  }
}
