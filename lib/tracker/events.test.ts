import { describe, expect, it, vi } from 'vitest';
import type { ChangeEvent } from '@/lib/domain/job';
import { createEventBus } from './events';

const event: ChangeEvent = { type: 'health', ok: true, at: 1 };

describe('createEventBus', () => {
  it('delivers to every subscriber until it unsubscribes', () => {
    const bus = createEventBus();
    const a: ChangeEvent[] = [];
    const b: ChangeEvent[] = [];
    const offA = bus.subscribe((e) => a.push(e));
    bus.subscribe((e) => b.push(e));
    bus.publish(event);
    offA();
    bus.publish(event);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(2);
    expect(bus.listenerCount()).toBe(1);
  });

  it('keeps delivering when one listener throws', () => {
    const bus = createEventBus();
    const received: ChangeEvent[] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    bus.subscribe(() => {
      throw new Error('broken tab');
    });
    bus.subscribe((e) => received.push(e));
    bus.publish(event);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(received).toEqual([event]);
  });
});
