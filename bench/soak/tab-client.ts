/**
 * One browser tab on the Jobs page, without the browser: it holds /api/events open (SSE over
 * fetch) and does with what it hears what the page does (lib/hooks/use-change-events.ts,
 * lib/queries): job events gathered for 100 ms, then the list refetched (a refetch in flight is
 * cancelled for the new one, as invalidateQueries does); a health event refetches /api/health;
 * the list is polled every 2 s while it shows unfinished jobs (else 30 s) and health every 15 s;
 * a dropped stream is opened again after the 2 s the server's `retry:` asks, refetching both.
 *
 * It records when it first heard each job's final phase, and every failed request.
 */
import type { ChangeEvent } from '../../lib/domain/job';
import { isTerminal } from '../../lib/domain/status';
import { parseChangeEvent } from '../../lib/queries/change-batcher';
import { ACTIVE_POLL_MS, IDLE_LIST_POLL_MS } from '../../lib/queries/refetch-interval';

const FLUSH_WINDOW_MS = 100;
const HEALTH_POLL_MS = 15_000;
const RECONNECT_MS = 2_000;

export interface TabStats {
  /** Job id → when this tab first heard it reached a final phase (epoch ms). */
  finalHeardAt: Map<string, number>;
  events: number;
  reconnects: number;
  requests: number;
  errors: string[];
}

export class TabClient {
  readonly stats: TabStats = { finalHeardAt: new Map(), events: 0, reconnects: 0, requests: 0, errors: [] };
  private readonly stopping = new AbortController();
  private listRequest: AbortController | null = null;
  private pendingJobs = false;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private listTimer: ReturnType<typeof setTimeout> | null = null;
  private healthTimer: ReturnType<typeof setInterval> | null = null;
  private listHasActive = true;
  private stream: Promise<void> = Promise.resolve();
  private opened: () => void = () => undefined;
  /** Resolves once the event stream is open the first time. */
  readonly ready = new Promise<void>((resolve) => (this.opened = resolve));

  constructor(
    private readonly baseUrl: string,
    /** Called for every event, with the time it arrived (e.g. to count a burst). */
    private readonly onEvent: (event: ChangeEvent, at: number) => void = () => undefined,
  ) {}

  start(): void {
    this.stream = this.followEvents();
    void this.refetchList();
    this.healthTimer = setInterval(() => void this.get('/api/health', true), HEALTH_POLL_MS);
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    this.listRequest?.abort();
    for (const timer of [this.flushTimer, this.listTimer]) if (timer) clearTimeout(timer);
    if (this.healthTimer) clearInterval(this.healthTimer);
    await this.stream;
  }

  private fail(what: string): void {
    if (this.stopping.signal.aborted) return;
    this.stats.errors.push(`${new Date().toISOString()} ${what}`);
  }

  /** One GET as the page's query would make it; a 503 from /api/health is an answer, not an error. */
  private async get(path: string, healthAnswer = false, signal?: AbortSignal): Promise<string | null> {
    this.stats.requests++;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        headers: { accept: 'application/json' },
        signal: signal ? AbortSignal.any([signal, this.stopping.signal]) : this.stopping.signal,
      });
      const body = await response.text();
      if (!response.ok && !(healthAnswer && response.status === 503)) this.fail(`GET ${path}: ${response.status} ${body.slice(0, 200)}`);
      return body;
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) this.fail(`GET ${path}: ${(error as Error).message}`);
      return null;
    }
  }

  private async refetchList(): Promise<void> {
    this.listRequest?.abort();
    const request = new AbortController();
    this.listRequest = request;
    if (this.listTimer) clearTimeout(this.listTimer);
    const body = await this.get('/api/jobs', false, request.signal);
    if (request.signal.aborted || this.stopping.signal.aborted) return;
    // The page polls fast only while its rows include unfinished work.
    if (body !== null) this.listHasActive = /"phase":"(queued|running)"/.test(body);
    this.listTimer = setTimeout(() => void this.refetchList(), this.listHasActive ? ACTIVE_POLL_MS : IDLE_LIST_POLL_MS);
  }

  private heard(event: ChangeEvent): void {
    const at = Date.now();
    this.stats.events++;
    this.onEvent(event, at);
    if (event.type === 'health') {
      void this.get('/api/health', true);
      return;
    }
    if (isTerminal(event.phase) && !this.stats.finalHeardAt.has(event.jobId)) this.stats.finalHeardAt.set(event.jobId, at);
    this.pendingJobs = true;
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      if (this.pendingJobs) void this.refetchList();
      this.pendingJobs = false;
    }, FLUSH_WINDOW_MS);
  }

  private async followEvents(): Promise<void> {
    for (let first = true; !this.stopping.signal.aborted; first = false) {
      if (!first) {
        this.stats.reconnects++;
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
        if (this.stopping.signal.aborted) return;
        // Changes made while the stream was down sent no event.
        void this.refetchList();
        void this.get('/api/health', true);
      }
      try {
        const response = await fetch(`${this.baseUrl}/api/events`, { headers: { accept: 'text/event-stream' }, signal: this.stopping.signal });
        this.stats.requests++;
        if (!response.ok || !response.body) {
          this.fail(`GET /api/events: ${response.status}`);
          continue;
        }
        this.opened();
        // A stream that ends is opened again: counted as a reconnect, not as an error.
        await this.readStream(response.body);
      } catch (error) {
        if (!(error instanceof Error && error.name === 'AbortError')) this.fail(`GET /api/events: ${(error as Error).message}`);
      }
    }
  }

  private async readStream(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    const reader = body.getReader();
    let buffered = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const frame = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        for (const line of frame.split('\n')) {
          if (!line.startsWith('data: ')) continue;
          const event = parseChangeEvent(line.slice(6));
          if (event) this.heard(event);
          else this.fail(`GET /api/events: an event that is not a ChangeEvent: ${line.slice(0, 200)}`);
        }
      }
    }
  }
}
