/**
 * A container's log file: one line per output line, `<ISO time> <stdout|stderr> <text>`, so the
 * log serves SYSTEM$GET_SERVICE_LOGS (the text) and SPCS_GET_LOGS (time, stream, text) alike.
 *
 * The log is bounded: when the file passes half the limit it becomes `<file>.1` (replacing the
 * previous one) and a new file starts, so the two together keep at least the last half and at
 * most the whole limit. Lines are buffered and appended asynchronously, so a chatty container
 * never blocks the warehouse's event loop; `read` flushes first, so it sees every line so far.
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
const MAX_LINE_CHARS = 16_384;

export const DEFAULT_LOG_LIMIT_BYTES = 10 * 1024 * 1024;

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
  private writing: Promise<void> = Promise.resolve();
  private scheduled = false;
  private size: number | null = null;
  private failed = false;

  constructor(
    readonly file: string,
    private readonly limitBytes = DEFAULT_LOG_LIMIT_BYTES,
    private readonly now: () => number = Date.now,
  ) {}

  append(stream: LogStream, text: string): void {
    const clipped = text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)} …[line cut]` : text;
    this.pending.push(`${new Date(this.now()).toISOString()} ${stream} ${clipped.replace(/\r$/, '')}\n`);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    }
  }

  /** Writes what is buffered; resolves when every line appended so far is on disk. */
  flush(): Promise<void> {
    this.scheduled = false;
    const lines = this.pending;
    this.pending = [];
    if (lines.length === 0) return this.writing;
    // A failed write (disk full, folder removed) loses those lines but must not stop the container
    // or reject every later flush, so it is reported once and the chain goes on.
    this.writing = this.writing
      .then(() => this.write(lines))
      .catch((error: Error) => {
        if (!this.failed) console.error(`Container log ${this.file}: lines lost: ${error.message}`);
        this.failed = true;
      });
    return this.writing;
  }

  async read(tail?: number): Promise<LogLine[]> {
    await this.flush();
    return readLogFile(this.file, tail);
  }

  /** Appends in segments, rotating whenever the next line would take the file past half the limit. */
  private async write(lines: string[]): Promise<void> {
    this.size ??= await stat(this.file).then(
      (stats) => stats.size,
      () => 0,
    );
    let segment = '';
    for (const line of lines) {
      const bytes = Buffer.byteLength(line);
      if (this.size > 0 && this.size + bytes > this.limitBytes / 2) {
        await appendFile(this.file, segment);
        await rename(this.file, `${this.file}.1`);
        segment = '';
        this.size = 0;
      }
      segment += line;
      this.size += bytes;
    }
    await appendFile(this.file, segment);
  }
}
