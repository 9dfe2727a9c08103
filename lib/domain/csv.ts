/**
 * CSV as RFC 4180 writes it: CRLF line ends, and a field with a comma, quote or line break
 * enclosed in quotes with its quotes doubled. A SQL NULL becomes an empty field.
 */

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | null): string {
  if (value === null) return '';
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly (string | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A file name safe in a Content-Disposition header, for a query's result. */
export function csvFileName(queryId: string): string {
  return `flurry-${queryId.replace(/[^0-9A-Za-z_-]/g, '_')}.csv`;
}
