import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@/lib/domain/job';
import { changeEventStream } from './event-stream';
import { createEventBus } from './events';

const decoder = new TextDecoder();
const event: ChangeEvent = { type: 'job', jobId: 'j1', batchId: 'b1', phase: 'running', rawStatus: 'RUNNING', at: 5 };

async function readText(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const { value } = await reader.read();
  return decoder.decode(value);
}

describe('changeEventStream', () => {
  it('sends a retry hint, then each event as one data line', async () => {
    const bus = createEventBus();
    const reader = changeEventStream(new AbortController().signal, bus).getReader();
    expect(await readText(reader)).toBe('retry: 2000\n\n');
    bus.publish(event);
    expect(JSON.parse((await readText(reader)).replace(/^data: /, ''))).toEqual(event);
    await reader.cancel();
  });

  it('sends heartbeat comments while nothing happens', async () => {
    const reader = changeEventStream(new AbortController().signal, createEventBus(), 20).getReader();
    await readText(reader);
    expect(await readText(reader)).toBe(': heartbeat\n\n');
    await reader.cancel();
  });

  it('unsubscribes and ends the stream when the request is aborted', async () => {
    const bus = createEventBus();
    const request = new AbortController();
    const reader = changeEventStream(request.signal, bus).getReader();
    await readText(reader);
    expect(bus.listenerCount()).toBe(1);
    request.abort();
    expect(bus.listenerCount()).toBe(0);
    expect((await reader.read()).done).toBe(true);
  });

  it('unsubscribes when the reader cancels, and never subscribes for an aborted request', async () => {
    const bus = createEventBus();
    const reader = changeEventStream(new AbortController().signal, bus).getReader();
    await reader.cancel();
    expect(bus.listenerCount()).toBe(0);
    changeEventStream(AbortSignal.abort(), bus);
    expect(bus.listenerCount()).toBe(0);
  });
});
