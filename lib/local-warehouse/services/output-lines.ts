/**
 * Splits a container's output into lines without holding more than one line's worth of it: a
 * container can write gigabytes without a newline (`cat /dev/zero`), and a line reader that waits
 * for the newline holds all of it. Of a line longer than `keepChars`, only its first `keepChars`
 * characters are handed on, as soon as they have arrived; the rest, up to its newline, is skipped
 * as it arrives.
 */
export class OutputLines {
  private partial = '';
  private skipping = false;

  constructor(
    private readonly keepChars: number,
    private readonly onLine: (line: string) => void,
  ) {}

  push(chunk: string): void {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      this.take(chunk.slice(start, end), true);
      start = end + 1;
    }
    this.take(chunk.slice(start), false);
  }

  /** The output has ended: a last line without a newline is handed on. */
  end(): void {
    if (this.partial !== '') this.onLine(this.partial);
    this.partial = '';
    this.skipping = false;
  }

  private take(piece: string, ended: boolean): void {
    if (!this.skipping) {
      this.partial += piece;
      if (this.partial.length >= this.keepChars && !(ended && this.partial.length === this.keepChars)) {
        this.onLine(this.partial.slice(0, this.keepChars));
        this.partial = '';
        this.skipping = !ended;
        return;
      }
      if (ended) {
        this.onLine(this.partial.replace(/\r$/, ''));
        this.partial = '';
      }
      return;
    }
    if (ended) this.skipping = false;
  }
}
