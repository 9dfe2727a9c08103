import 'server-only';
/**
 * Whether the warehouse answers, as every part of the loop reports it: a health event on each
 * change, and a heartbeat (no warehouse time) whenever nothing else has reached the warehouse for
 * a while, so an outage shows within seconds even with nothing to poll, and its end is noticed
 * while every poll backs off for up to 30 s. The moment the warehouse answers again, everything
 * backing off is due at once, not at the end of its back-off.
 */
import type { EventBus } from './events';
import type { BacksOff, Clock, Health, LoopPart, TrackerWarehouse } from './ports';

export interface OutagePorts {
  warehouse: Pick<TrackerWarehouse, 'ping'>;
  bus: Pick<EventBus, 'publish'>;
  clock: Clock;
  /** The parts that back off during an outage, resumed when it ends. */
  backingOff: readonly BacksOff[];
  /** Tells the loop that what is due has changed. */
  wake: () => void;
}

/**
 * A heartbeat when nothing else has asked the warehouse anything for this long; during an
 * outage, often, so the end of it is noticed while the polls back off.
 */
const HEARTBEAT_IDLE_MS = 5_000;
const HEARTBEAT_OUTAGE_MS = 2_000;

export class Outage implements Health, LoopPart {
  /** Unknown until the warehouse first answers or fails to. */
  private healthy: boolean | null = null;
  /** When the warehouse last answered or failed to: the heartbeat is due a while after. */
  private lastContactAt = 0;
  private heartbeatInFlight = false;

  constructor(private readonly ports: OutagePorts) {}

  note(outage: Error | null): void {
    const { clock, bus } = this.ports;
    this.lastContactAt = clock.now();
    const ok = outage === null;
    if (this.healthy === ok) return;
    const recovered = this.healthy === false;
    this.healthy = ok;
    if (outage) console.error(`[flurry] warehouse unavailable, retrying with backoff: ${outage.message}`);
    else if (recovered) this.resume();
    bus.publish({ type: 'health', ok, at: clock.now() });
  }

  /** When the heartbeat is due. */
  dueAt(): number {
    if (this.heartbeatInFlight) return Infinity;
    return this.lastContactAt + (this.healthy === false ? HEARTBEAT_OUTAGE_MS : HEARTBEAT_IDLE_MS);
  }

  /** Sends the heartbeat and notes whether it was answered. */
  async run(): Promise<void> {
    this.heartbeatInFlight = true;
    try {
      await this.ports.warehouse.ping();
      this.note(null);
    } catch (error) {
      this.note(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.heartbeatInFlight = false;
    }
  }

  /** The warehouse answers again: what was backing off is due now. */
  private resume(): void {
    const now = this.ports.clock.now();
    for (const part of this.ports.backingOff) part.resume(now);
    this.ports.wake();
  }
}
