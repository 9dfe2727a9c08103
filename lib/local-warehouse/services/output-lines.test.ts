import { describe, expect, it } from 'vitest';
import { OutputLines } from './output-lines';

function linesOf(chunks: string[], keepChars = 5) {
  const lines: string[] = [];
  const splitter = new OutputLines(keepChars, (line) => lines.push(line));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return lines;
}

describe('OutputLines', () => {
  it('splits chunks into lines wherever the chunks break, CRLF included', () => {
    expect(linesOf(['ab\ncd', 'e\n', '\nf\r', '\ng'])).toEqual(['ab', 'cde', '', 'f', 'g']);
  });

  it('hands on the first characters of a long line and skips the rest up to its newline', () => {
    expect(linesOf(['abcdefgh', 'ijkl\nxy\n'])).toEqual(['abcde', 'xy']);
    expect(linesOf(['abcde\n', 'abcdef\nz'])).toEqual(['abcde', 'abcde', 'z']);
  });

  it('holds no more than one line of an output that never ends its line', () => {
    const lines: string[] = [];
    const splitter = new OutputLines(16, (line) => lines.push(line));
    const megabyte = '0'.repeat(1024 * 1024);
    for (let i = 0; i < 64; i++) splitter.push(megabyte);
    expect(lines).toEqual(['0'.repeat(16)]);
    expect((splitter as unknown as { partial: string }).partial).toBe('');
    splitter.push('\nnext\n');
    expect(lines).toEqual(['0'.repeat(16), 'next']);
  });
});
