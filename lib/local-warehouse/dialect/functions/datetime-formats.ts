/**
 * Snowflake's date and time format models (`'YYYY-MM-DD HH24:MI:SS'`, `'MON DD, YYYY'`, `'DY'` …)
 * translated into DuckDB's strftime / strptime specifiers, so that TO_VARCHAR, TO_DATE, TO_TIME
 * and TO_TIMESTAMP read and print what Snowflake does instead of handing Snowflake's model to
 * DuckDB, which reads the same letters differently.
 * https://docs.snowflake.com/en/sql-reference/functions-conversion#label-date-time-format-conversion
 *
 * Elements are matched case-insensitively, longest first; anything else, and anything between
 * double quotes, is literal text. The one- and two-letter elements without leading zeros (`Y`,
 * `MO`, `D`, `H12`, `ME`, `S`, `P` …) are not read as elements, so literal words in a model
 * (`'hh24:mi hours'`) print as written, as in Snowflake's own examples.
 */
import { sqlString } from '../tokens';

type Element =
  | 'YYYY'
  | 'YY'
  | 'MMMM'
  | 'MON'
  | 'MM'
  | 'DD'
  | 'DY'
  | 'HH24'
  | 'HH12'
  | 'HH'
  | 'MI'
  | 'SS'
  | 'AM'
  | 'PM'
  | 'TZH:TZM'
  | 'TZHTZM'
  | 'TZH'
  | 'TZM'
  | 'UUUU';

/** Longest first, so `MMMM` wins over `MM` and `HH24` over `HH`. */
const ELEMENTS: readonly Element[] = [
  'TZH:TZM',
  'TZHTZM',
  'YYYY',
  'UUUU',
  'MMMM',
  'HH24',
  'HH12',
  'MON',
  'TZH',
  'TZM',
  'YY',
  'MM',
  'DD',
  'DY',
  'HH',
  'MI',
  'SS',
  'AM',
  'PM',
];

export type DatePiece =
  | { kind: 'literal'; text: string }
  | { kind: 'element'; element: Element }
  /** FF0 … FF9: fractional seconds to that many digits (`FF` alone is FF9). */
  | { kind: 'fraction'; digits: number };

/** The model's elements and literal text, in order. */
export function dateFormatPieces(format: string): DatePiece[] {
  const pieces: DatePiece[] = [];
  const literal = (text: string) => {
    const last = pieces[pieces.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else pieces.push({ kind: 'literal', text });
  };
  let i = 0;
  while (i < format.length) {
    if (format[i] === '"') {
      // "text" is literal; "" inside it is one double quote.
      let text = '';
      i += 1;
      while (i < format.length) {
        if (format[i] === '"' && format[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (format[i] === '"') {
          i += 1;
          break;
        } else {
          text += format[i];
          i += 1;
        }
      }
      literal(text);
      continue;
    }
    const rest = format.slice(i).toUpperCase();
    const fraction = /^FF([0-9]?)/.exec(rest);
    if (fraction) {
      pieces.push({ kind: 'fraction', digits: fraction[1] === '' ? 9 : Number(fraction[1]) });
      i += fraction[0].length;
      continue;
    }
    const element = ELEMENTS.find((candidate) => rest.startsWith(candidate));
    if (element) {
      pieces.push({ kind: 'element', element });
      i += element.length;
      continue;
    }
    literal(format[i]);
    i += 1;
  }
  return pieces;
}

/** strftime / strptime specifier of each element that DuckDB has one for. */
const SPECIFIERS: Partial<Record<Element, string>> = {
  YYYY: '%Y',
  UUUU: '%Y',
  YY: '%y',
  MMMM: '%B',
  MON: '%b',
  MM: '%m',
  DD: '%d',
  DY: '%a',
  HH24: '%H',
  HH: '%H',
  HH12: '%I',
  MI: '%M',
  SS: '%S',
  AM: '%p',
  PM: '%p',
};

const OFFSET_ELEMENTS: readonly Element[] = ['TZH:TZM', 'TZHTZM', 'TZH', 'TZM'];

/** The conversion family's macro printing a TIMESTAMPTZ's offset in the session's time zone (conversion.ts). */
export const OFFSET_TEXT_MACRO = 'SF_UTC_OFFSET';

const escapePercent = (text: string) => text.replace(/%/g, '%%');

/**
 * SQL printing `timestamp` (a TIMESTAMP expression; it may be referenced more than once) with
 * the model: strftime for what DuckDB prints itself, fractional digits cut from the microseconds.
 */
export function formatTimestampSql(format: string, timestamp: string): string {
  const parts: string[] = [];
  let strftime = '';
  const flush = () => {
    if (strftime !== '') parts.push(`strftime(${timestamp}, ${sqlString(strftime)})`);
    strftime = '';
  };
  for (const piece of dateFormatPieces(format)) {
    if (piece.kind === 'literal') strftime += escapePercent(piece.text);
    else if (piece.kind === 'fraction') {
      if (piece.digits === 0) continue;
      flush();
      // DuckDB keeps microseconds: digits past the sixth are zeros, as the value has none.
      parts.push(`substr(strftime(${timestamp}, '%f') || '000', 1, ${piece.digits})`);
    } else if (OFFSET_ELEMENTS.includes(piece.element)) {
      flush();
      // The offset of the session's time zone at that moment (a TIMESTAMP_NTZ is read in it).
      parts.push(`${OFFSET_TEXT_MACRO}(${timestamp}::TIMESTAMPTZ, ${sqlString(piece.element)})`);
    } else strftime += SPECIFIERS[piece.element];
  }
  flush();
  return parts.length === 0 ? "''" : parts.join(' || ');
}

/** strptime formats reading text in the model, and whether they read a UTC offset. */
export interface ParseFormats {
  /** Alternatives (a month element reads either a name or its abbreviation). */
  formats: string[];
  /** True when the model has an offset element: the formats then give TIMESTAMPTZ. */
  hasOffset: boolean;
}

/**
 * The strptime formats that read text written in the model. A month element accepts the
 * abbreviation or the full name either way, as Snowflake's parser does.
 */
export function parseFormats(format: string): ParseFormats {
  let formats = [''];
  let hasOffset = false;
  const append = (text: string) => (formats = formats.map((f) => f + text));
  for (const piece of dateFormatPieces(format)) {
    if (piece.kind === 'literal') append(escapePercent(piece.text));
    else if (piece.kind === 'fraction') append(piece.digits === 0 ? '' : '%n');
    else if (piece.element === 'MON' || piece.element === 'MMMM') {
      formats = formats.flatMap((f) => [`${f}%b`, `${f}%B`]);
    } else if (OFFSET_ELEMENTS.includes(piece.element)) {
      // DuckDB's %z reads +HH, +HHMM and +HH:MM; TZM alone follows a TZH it belongs to.
      if (piece.element !== 'TZM') append('%z');
      hasOffset = true;
    } else append(SPECIFIERS[piece.element] as string);
  }
  return { formats, hasOffset };
}
