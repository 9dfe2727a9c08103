/**
 * A container's log file: one line per output line, `<ISO time> <stdout|stderr> <text>`, so the
 * log serves SYSTEM$GET_SERVICE_LOGS (the text) and SPCS_GET_LOGS (time, stream, text) alike.
 *
 * The log is bounded: when the file passes half the limit it becomes `<file>.1` (replacing the
 * previous one) and a new file starts, so the two together keep at least the last half and at
 * most the whole limit. Lines are buffered and appended asynchronously, so a chatty container
 * never blocks the warehouse's event loop; `read` flushes first, so it sees every line so far.
 *
 * The buffer is bounded too: a container can write faster than the disk takes its lines
 * (`yes` does), and an unbounded buffer grew the warehouse by gigabytes in minutes. Past the
 * bound, lines are dropped and counted, and once there is room again one marker line says how
 * many. `append` answers false while the buffer is full: a caller that pauses its source until
 * `flush()` resolves loses nothing.
 */
import { appendFile, readFile, rename, stat } from 'node:fs/promises';

export type LogStream = 'stdout' | 'stderr';

export interface LogLine {
  /** Epoch ms. */
  timestamp: number;
  stream: LogStream;
  text: string;
}

/** Snowflake keeps 100 KB per GET_SERVICE_LOGS answer; a single line longer than this is cut. */
export const MAX_LINE_CHARS = 16_384;

export const DEFAULT_LOG_LIMIT_BYTES = 10 * 1024 * 1024;

/** Lines waiting for the disk, in bytes: what one chatty container can hold in the warehouse's memory. */
export const DEFAULT_BUFFER_LIMIT_BYTES = 4 * 1024 * 1024;

/** The file operations the log needs; tests give a slow or failing one. */
export interface LogFiles {
  append(file: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** The file's size in bytes, 0 when it does not exist. */
  size(file: string): Promise<number>;
}

const diskFiles: LogFiles = {
  append: (file, text) => appendFile(file, text),
  rename,
  size: (file) => stat(file).then(
    (stats) => stats.size,
    () => 0,
  ),
};

export interface ContainerLogOptions {
  bufferLimitBytes?: number;
  files?: LogFiles;
}

export function droppedLinesMarker(count: number): string {
  return `[flurry] ${count} line${count === 1 ? '' : 's'} dropped: the container wrote faster than its log could be stored`;
}

const LINE = /^(\S+) (stdout|stderr) (.*)$/;

function parseLine(line: string): LogLine | null {
  const match = LINE.exec(line);
  if (!match) return null;
  return { timestamp: Date.parse(match[1]), stream: match[2] as LogStream, text: match[3] };
}

async function readIfExists(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** The last `tail` lines (all when omitted) of a log file, whether or not its container still runs. */
export async function readLogFile(file: string, tail?: number): Promise<LogLine[]> {
  const text = (await readIfExists(`${file}.1`)) + (await readIfExists(file));
  const lines = text.split('\n').filter((line) => line !== '');
  const wanted = tail === undefined ? lines : tail <= 0 ? [] : lines.slice(-tail);
  return wanted.map(parseLine).filter((line): line is LogLine => line !== null);
}

export class ContainerLog {
  private pending: string[] = [];
  private pendingBytes = 0;
  /** Bytes appended and not yet on disk: pending, and handed to writes that have not finished. */
  private buffered = 0;
  private dropped = 0;
  private writing: Promise<void> = Promise.resolve();
  private scheduled = false;
  private size: number | null = null;
  private failed = false;
  private readonly bufferLimitBytes: number;
  private readonly files: LogFiles;

  constructor(
    readonly file: string,
    private readonly limitBytes = DEFAULT_LOG_LIMIT_BYTES,
    private readonly now: () => number = Date.now,
    options: ContainerLogOptions = {},
  ) {
    this.bufferLimitBytes = options.bufferLimitBytes ?? DEFAULT_BUFFER_LIMIT_BYTES;
    this.files = options.files ?? diskFiles;
  }

  /** False while the buffer is full (this line may have been dropped): pause until `flush()` resolves. */
  append(stream: LogStream, text: string): boolean {
    if (this.buffered >= this.bufferLimitBytes) {
      // No flush is scheduled for a dropped line: a write is under way, and its end brings the marker.
      this.dropped += 1;
      return false;
    }
    this.pushDroppedMarker();
    const clipped = text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)} …[line cut]` : text;
    this.push(stream, clipped.replace(/\r$/, ''));
    this.schedule();
    return this.buffered < this.bufferLimitBytes;
  }

  /** Writes what is buffered; resolves when every line appended so far is on disk. */
  flush(): Promise<void> {
    this.scheduled = false;
    this.pushDroppedMarker();
    const lines = this.pending;
    const bytes = this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    if (lines.length === 0) return this.writing;
    // A failed write (disk full, folder removed) loses those lines but must not stop the container
    // or reject every later flush, so it is reported once and the chain goes on.
    this.writing = this.writing
      .then(() => this.write(lines))
      .catch((error: Error) => {
        if (!this.failed) console.error(`Container log ${this.file}: lines lost: ${error.message}`);
        this.failed = true;
      })
      .then(() => {
        this.buffered -= bytes;
        if (this.dropped > 0 && this.buffered < this.bufferLimitBytes) this.schedule();
      });
    return this.writing;
  }

  async read(tail?: number): Promise<LogLine[]> {
    await this.flush();
    return readLogFile(this.file, tail);
  }

  private push(stream: LogStream, text: string): void {
    const line = `${new Date(this.now()).toISOString()} ${stream} ${text}\n`;
    const bytes = Buffer.byteLength(line);
    this.pending.push(line);
    this.pendingBytes += bytes;
    this.buffered += bytes;
  }

  /** The count of lines dropped since the last marker, in their place among the lines kept. */
  private pushDroppedMarker(): void {
    if (this.dropped === 0) return;
    this.push('stderr', droppedLinesMarker(this.dropped));
    this.dropped = 0;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  /** Appends in segments, rotating whenever the next line would take the file past half the limit. */
  private async write(lines: string[]): Promise<void> {
    this.size ??= await this.files.size(this.file);
    let segment = '';
    for (const line of lines) {
      const bytes = Buffer.byteLength(line);
      if (this.size > 0 && this.size + bytes > this.limitBytes / 2) {
        await this.files.append(this.file, segment);
        await this.files.rename(this.file, `${this.file}.1`);
        segment = '';
        this.size = 0;
      }
      segment += line;
      this.size += bytes;
    }
    await this.files.append(this.file, segment);
  }
}
