/**
 * Snowflake's numeric SQL format models (`'999,999.99'`, `'$9,999.00'`, `'S0XXX'`, `'TM9'` …)
 * turned into DuckDB SQL: an expression printing a number the way TO_VARCHAR prints it with the
 * model, and one reading text the way TO_NUMBER reads it. The model is a literal in the
 * statement, so its SQL is built once, here, and DuckDB only runs string functions.
 * https://docs.snowflake.com/en/sql-reference/sql-format-models
 *
 * Supported: fixed-position models (`0`, `9`, `X`, `.`/`D`, `,`/`G`, `$`, `B`, `S`, `MI`, `%`,
 * `FM`, `FX`, `_`, quoted literals and the literal symbols before or after the number) and the
 * text-minimal `TM`, `TM9` and `TME`; `|` separates alternatives when reading. Not supported
 * (`000002`): exponent elements (`EE` …), `TM9(digits,group)`, hexadecimal fractions and literal
 * text inside the number.
 */
import { SnowflakeQueryError, snowflakeErrors } from '../../engine/snowflake-errors';
import { sqlString } from '../tokens';

/** The conversion family's macro printing a float as TO_VARCHAR does (conversion.ts). */
export const FLOAT_TEXT_MACRO = 'SF_FLOAT_TEXT';

type Sign = 'default' | 'S-lead' | 'MI-lead' | 'S-trail' | 'MI-trail';

interface NumberModel {
  /** Literal text printed before and after the number. */
  prefix: string;
  suffix: string;
  /** Digit slots before the decimal point, left to right: `9`, `0`, `X` and `,` separators. */
  intSlots: string;
  /** Digit slots after the decimal point (`9` or `0`), or null when the model has no point. */
  fracSlots: string | null;
  /** `TM`, `TM9` or `TME` for a text-minimal model, null for a fixed-position one. */
  textMinimal: 'TM' | 'TM9' | 'TME' | null;
  /** `tme`/`tm` print a lower-case `e`, `x` lower-case hexadecimal digits. */
  lowerCase: boolean;
  dollar: boolean;
  /** `B`: a zero integer part prints as blanks. */
  blankZero: boolean;
  sign: Sign;
  /** `FM`: compact mode, no padding. */
  compact: boolean;
  /** `%`: the value is multiplied by 100. */
  percent: boolean;
}

const unsupported = (what: string) => new SnowflakeQueryError(snowflakeErrors.unsupported(what));

function badFormat(format: string): SnowflakeQueryError {
  return new SnowflakeQueryError(snowflakeErrors.compilation(`Bad output format '${format}' for FIXED`));
}

/** Whether a format argument is a numeric model rather than a date/time one. */
export function isNumericFormat(format: string): boolean {
  const unquoted = format.replace(/"([^"]|"")*"/g, '');
  return /[09X$]|TM|EE/i.test(unquoted) && !/YY|DD|HH|SS|MON|MM|DY|FF/i.test(unquoted);
}

/** The model's alternatives (`|`), outside double quotes. */
function alternatives(format: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of format) {
    if (char === '"') quoted = !quoted;
    if (char === '|' && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function parseModel(format: string): NumberModel {
  const model: NumberModel = {
    prefix: '',
    suffix: '',
    intSlots: '',
    fracSlots: null,
    textMinimal: null,
    lowerCase: false,
    dollar: false,
    blankZero: false,
    sign: 'default',
    compact: false,
    percent: false,
  };
  // Where we are: before the number, inside it, or after it.
  let stage: 'before' | 'inside' | 'after' = 'before';
  const literal = (text: string) => {
    if (stage === 'before') model.prefix += text;
    else {
      stage = 'after';
      model.suffix += text;
    }
  };
  const numberPart = () => {
    if (stage === 'after') throw unsupported(`literal text inside the number of format '${format}'`);
    stage = 'inside';
  };
  const inside = () => stage === 'inside';
  const afterDigit = () => /[09Xx]$/.test(model.fracSlots ?? model.intSlots);
  let i = 0;
  while (i < format.length) {
    const char = format[i];
    const upper = format.slice(i, i + 3).toUpperCase();
    if (char === '"') {
      const close = format.indexOf('"', i + 1);
      let end = close === -1 ? format.length : close;
      let text = format.slice(i + 1, end);
      while (format[end + 1] === '"') {
        const next = format.indexOf('"', end + 2);
        text += `"${format.slice(end + 2, next === -1 ? format.length : next)}`;
        end = next === -1 ? format.length : next;
      }
      literal(text);
      i = end + 1;
    } else if (upper.startsWith('TM')) {
      if (format[i + 2] === '(' || (format[i + 3] === '(' && upper === 'TM9')) throw unsupported(`format element '${format.slice(i)}'`);
      numberPart();
      model.textMinimal = upper === 'TM9' ? 'TM9' : upper === 'TME' ? 'TME' : 'TM';
      model.lowerCase = format[i] === 't';
      i += model.textMinimal.length;
    } else if (upper.startsWith('FM')) {
      model.compact = !model.compact;
      i += 2;
    } else if (upper.startsWith('FX') || char === '_') {
      i += char === '_' ? 1 : 2;
    } else if (upper.startsWith('MI') || char.toUpperCase() === 'S') {
      const trailing = inside();
      numberPart();
      model.sign = `${char.toUpperCase() === 'S' ? 'S' : 'MI'}-${trailing ? 'trail' : 'lead'}`;
      i += char.toUpperCase() === 'S' ? 1 : 2;
      if (trailing) stage = 'after';
    } else if (upper.startsWith('EE')) {
      throw unsupported(`exponent format element in '${format}'`);
    } else if (char === '9' || char === '0' || char === 'X' || char === 'x') {
      numberPart();
      if (char === 'x') model.lowerCase = true;
      if (model.fracSlots === null) model.intSlots += char.toUpperCase();
      else if (char === 'X' || char === 'x') throw unsupported(`hexadecimal fraction in format '${format}'`);
      else model.fracSlots += char;
      i += 1;
    } else if ((char === '.' && afterDigit()) || char.toUpperCase() === 'D') {
      numberPart();
      if (model.fracSlots !== null) throw badFormat(format);
      model.fracSlots = '';
      i += 1;
    } else if ((char === ',' && afterDigit() && model.fracSlots === null) || char.toUpperCase() === 'G') {
      numberPart();
      model.intSlots += ',';
      i += 1;
    } else if (char === '$') {
      numberPart();
      model.dollar = true;
      i += 1;
    } else if (char.toUpperCase() === 'B') {
      numberPart();
      model.blankZero = true;
      i += 1;
    } else if (char === '%') {
      model.percent = true;
      literal('%');
      i += 1;
    } else if (/[\s.,;:\-=/()]/.test(char)) {
      literal(char);
      i += 1;
    } else throw badFormat(format);
  }
  if (model.textMinimal !== null && (model.intSlots !== '' || model.fracSlots !== null)) throw badFormat(format);
  if (model.textMinimal === null && !/[09X]/.test(model.intSlots + (model.fracSlots ?? ''))) throw badFormat(format);
  return model;
}

/** Number of digit positions (not separators) in slots. */
const digitCount = (slots: string) => slots.replace(/,/g, '').length;

/** How many integer digits must print: every position from the leftmost `0` rightwards. */
function zeroReach(intSlots: string): number {
  const digits = intSlots.replace(/,/g, '');
  const first = digits.indexOf('0');
  return first === -1 ? 0 : digits.length - first;
}

/** SQL of the sign characters for a value, `negative` a SQL condition. */
function signSql(model: NumberModel, negative: string): { lead: string; trail: string; floating: boolean } {
  const blank = model.compact ? "''" : "' '";
  const pick = (minus: string, plus: string) => `CASE WHEN ${negative} THEN ${minus} ELSE ${plus} END`;
  switch (model.sign) {
    case 'default':
      return { lead: pick("'-'", model.textMinimal ? "''" : blank), trail: "''", floating: true };
    case 'S-lead':
      return { lead: pick("'-'", "'+'"), trail: "''", floating: true };
    case 'MI-lead':
      return { lead: pick("'-'", blank), trail: "''", floating: false };
    case 'S-trail':
      return { lead: "''", trail: pick("'-'", "'+'"), floating: true };
    case 'MI-trail':
      return { lead: "''", trail: pick("'-'", blank), floating: true };
  }
}

/**
 * SQL printing the integer digits `digits` (no sign, no leading zeros, '' for zero) into the
 * slots: a separator prints only with a digit to its left; unused positions print nothing (the
 * caller pads).
 */
function integerSlotsSql(intSlots: string, digits: string): string {
  const pieces: string[] = [];
  let position = digitCount(intSlots);
  for (const slot of intSlots) {
    if (slot === ',') {
      pieces.push(`CASE WHEN length(${digits}) > ${position} THEN ',' ELSE '' END`);
    } else {
      position -= 1;
      pieces.push(`CASE WHEN length(${digits}) > ${position} THEN substr(${digits}, length(${digits}) - ${position}, 1) ELSE '' END`);
    }
  }
  return pieces.length === 0 ? "''" : pieces.join(' || ');
}

/** `list_transform([value], name -> body)[1]`: binds value once, for a body that reads it several times. */
const bind = (value: string, name: string, body: string) => `list_transform([${value}], ${name} -> ${body})[1]`;

/** Pads the part left of the decimal point to its width (fill mode). */
function padLeft(model: NumberModel, text: string, width: number): string {
  return model.compact ? text : `lpad(${text}, ${width}, ' ')`;
}

function fixedDecimalSql(model: NumberModel, value: string): string {
  const fracSlots = model.fracSlots ?? '';
  const scale = fracSlots.length;
  const positions = digitCount(model.intSlots);
  const minimum = Math.max(zeroReach(model.intSlots), model.blankZero || positions === 0 ? 0 : 1);
  const sign = signSql(model, `(V < 0 AND regexp_matches(coalesce(R, '1'), '[1-9]'))`);
  const signWidth = model.sign === 'default' || model.sign === 'S-lead' ? 1 : 0;
  const width = signWidth + (model.dollar ? 1 : 0) + model.intSlots.length;
  const dollar = model.dollar ? "'$'" : "''";
  const point = model.fracSlots === null ? "''" : "'.'";
  // Trailing zeros in trailing `9` fraction positions print as blanks.
  const nines = /9*$/.exec(fracSlots)?.[0].length ?? 0;
  const kept = `substr(F, 1, ${scale - nines}) || rtrim(substr(F, ${scale - nines + 1}), '0')`;
  const fraction = scale === 0 ? "''" : model.compact ? kept : `rpad(${kept}, ${scale}, ' ')`;
  const left = (digitsSql: string) =>
    sign.floating
      ? padLeft(model, `${sign.lead} || ${dollar} || ${digitsSql}`, width)
      : `${sign.lead} || ${padLeft(model, `${dollar} || ${digitsSql}`, width)}`;
  const normal = `${left(integerSlotsSql(model.intSlots, 'S'))} || ${point} || ${fraction} || ${sign.trail}`;
  const overflow = `${left(sqlString(model.intSlots.replace(/[09X]/g, '#')))} || ${point} || ${sqlString('#'.repeat(scale))} || ${sign.trail}`;
  const shown = `lpad(D, greatest(length(D), ${minimum})::INTEGER, '0')`;
  const body = bind(
    `TRY_CAST(abs(V) AS DECIMAL(38, ${scale}))::VARCHAR`,
    'R',
    bind(
      `ltrim(split_part(R, '.', 1), '0')`,
      'D',
      bind(shown, 'S', bind(`split_part(R, '.', 2)`, 'F', `CASE WHEN coalesce(length(S) > ${positions}, true) THEN ${overflow} ELSE ${normal} END`)),
    ),
  );
  return bind(value, 'V', body);
}

function fixedHexSql(model: NumberModel, value: string): string {
  const positions = model.intSlots.replace(/,/g, '').length;
  if (positions > 15) throw unsupported(`hexadecimal format '${model.intSlots}' wider than 15 digits`);
  const explicitSign = model.sign !== 'default';
  const modulus = 16 ** positions;
  // Without an explicit sign a negative number prints as its two's complement in the width.
  const number = explicitSign ? 'abs(N)' : `((N % ${modulus}) + ${modulus}) % ${modulus}`;
  const sign = explicitSign ? signSql(model, 'N < 0') : { lead: "''", trail: "''", floating: true };
  const minimum = Math.max(zeroReach(model.intSlots), 1);
  const digits = `lpad(hex(${number}), greatest(length(hex(${number})), ${minimum})::INTEGER, '0')`;
  const cased = model.lowerCase ? `lower(${digits})` : digits;
  const width = (model.sign === 'S-lead' ? 1 : 0) + model.intSlots.length;
  const normal = sign.floating
    ? `${padLeft(model, `${sign.lead} || ${integerSlotsSql(model.intSlots, 'H')}`, width)} || ${sign.trail}`
    : `${sign.lead} || ${padLeft(model, integerSlotsSql(model.intSlots, 'H'), width)}`;
  const overflow = `${sign.lead} || ${sqlString(model.intSlots.replace(/X|0/g, '#'))} || ${sign.trail}`;
  const limit = explicitSign ? `abs(N) >= ${modulus}` : `N >= ${modulus} OR N < -${modulus / 2}`;
  return bind(
    `TRY_CAST(round(${value}) AS BIGINT)`,
    'N',
    `CASE WHEN N IS NULL OR ${limit} THEN ${overflow} ELSE ${bind(cased, 'H', normal)} END`,
  );
}

/** SQL of `abs(value)` in scientific notation with the fewest digits: `1.2391E1`, `0E0`. */
function scientificSql(value: string, lowerCase: boolean): string {
  const e = lowerCase ? 'e' : 'E';
  // T: the absolute value's text, mantissa M and exponent X (DuckDB prints large doubles as 1e+20).
  const digits = `replace(split_part(M, 'e', 1), '.', '')`;
  const intLength = `length(split_part(split_part(M, 'e', 1), '.', 1))`;
  const lead = `(length(${digits}) - length(ltrim(${digits}, '0')))`;
  const significant = `rtrim(ltrim(${digits}, '0'), '0')`;
  const exponent = `(${intLength} - ${lead} - 1 + coalesce(TRY_CAST(split_part(M, 'e', 2) AS INTEGER), 0))`;
  const mantissa = `substr(${significant}, 1, 1) || CASE WHEN length(${significant}) > 1 THEN '.' || substr(${significant}, 2) ELSE '' END`;
  return bind(
    `lower(abs(${value})::VARCHAR)`,
    'M',
    `CASE WHEN ${significant} = '' THEN '0${e}0' ELSE ${mantissa} || '${e}' || ${exponent}::VARCHAR END`,
  );
}

function textMinimalSql(model: NumberModel, value: string): string {
  // A DECIMAL prints with its scale; `%` moves the point two places, dropping the zeros the
  // multiplication by 100 added (TO_CHAR(0.25, 'TM9%') is 25%). A float prints as TO_VARCHAR does.
  const decimal = model.percent ? `regexp_replace(regexp_replace(abs(V)::VARCHAR, '^([0-9]*[.][0-9]*?)0?0?$', '\\1'), '[.]$', '')` : 'abs(V)::VARCHAR';
  const positional = `CASE WHEN typeof(V) IN ('DOUBLE', 'FLOAT') THEN ${FLOAT_TEXT_MACRO}(abs(V)) ELSE ${decimal} END`;
  const scientific = scientificSql('V', model.lowerCase);
  const digits =
    model.textMinimal === 'TM9'
      ? positional
      : model.textMinimal === 'TME'
        ? scientific
        : `CASE WHEN length(${scientific}) < length(${positional}) THEN ${scientific} ELSE ${positional} END`;
  const sign = signSql(model, 'V < 0');
  const dollar = model.dollar ? "'$' || " : '';
  return bind(value, 'V', `${sign.lead} || ${dollar}${digits} || ${sign.trail}`);
}

/**
 * SQL printing the numeric `value` with the model, as TO_VARCHAR(value, format) does; NULL for
 * NULL. `value` is evaluated once.
 */
export function formatNumberSql(format: string, value: string): string {
  const model = parseModel(format);
  const scaled = model.percent ? `(${value}) * 100` : value;
  const number = model.textMinimal
    ? textMinimalSql(model, scaled)
    : model.intSlots.includes('X')
      ? fixedHexSql(model, scaled)
      : fixedDecimalSql(model, scaled);
  const text = `${sqlString(model.prefix)} || ${number} || ${sqlString(model.suffix)}`;
  return `CASE WHEN (${value}) IS NULL THEN NULL ELSE ${text} END`;
}

/** A regular expression matching literal text; a space matches any run of spaces (lax mode). */
function literalPattern(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** One alternative: the SQL of the number it reads from text, NULL when the text does not fit it. */
function alternativeSql(model: NumberModel, text: string): string {
  const lead = model.sign === 'S-trail' || model.sign === 'MI-trail' ? '()' : '([-+]?)';
  const trail = lead === '()' ? '([-+]?)' : '()';
  const dollar = model.dollar ? '\\$' : '';
  let number: string;
  let checks = '';
  if (model.textMinimal) {
    const positional = '[0-9]*(?:[.][0-9]*)?';
    const scientific = '[0-9]*(?:[.][0-9]*)?[eE][-+]?[0-9]*';
    const body = model.textMinimal === 'TM9' ? positional : model.textMinimal === 'TME' ? scientific : `${positional}(?:[eE][-+]?[0-9]*)?`;
    number = `${lead}\\s*${dollar}(${body})()${trail}`;
    checks = `AND regexp_matches(G.i, '[0-9]')`;
  } else if (model.intSlots.includes('X')) {
    const positions = digitCount(model.intSlots);
    number = `${lead}\\s*([0-9a-fA-F]{${Math.max(zeroReach(model.intSlots), 1)},${positions}})()${trail}`;
  } else {
    const fracSlots = model.fracSlots ?? '';
    const point = model.fracSlots === null ? '()' : '(?:[.]([0-9]*))?';
    number = `${lead}\\s*${dollar}([0-9,]*)${point}${trail}`;
    checks =
      `AND length(replace(G.i, ',', '')) BETWEEN ${zeroReach(model.intSlots)} AND ${digitCount(model.intSlots)} ` +
      `AND length(G.f) BETWEEN ${/^0*/.exec(fracSlots)?.[0].length ?? 0} AND ${fracSlots.length} ` +
      `AND length(replace(G.i, ',', '') || G.f) > 0`;
  }
  const pattern = `^\\s*${literalPattern(model.prefix)}${number}${literalPattern(model.suffix)}\\s*$`;
  const groups = `regexp_extract(${text}, ${sqlString(pattern)}, ['s1', 'i', 'f', 's2'])`;
  const digits = model.intSlots.includes('X')
    ? `('0x' || G.i)::BIGINT::VARCHAR`
    : model.textMinimal
      ? 'G.i'
      : `coalesce(nullif(replace(G.i, ',', ''), ''), '0') || CASE WHEN G.f = '' THEN '' ELSE '.' || G.f END`;
  const read = `G.s1 || G.s2 || ${digits}`;
  return `CASE WHEN regexp_full_match(${text}, ${sqlString(pattern)}) THEN ${bind(groups, 'G', `CASE WHEN true ${checks} THEN ${read} END`)} END`;
}

/**
 * SQL reading `text` (a VARCHAR expression) with the model, as TO_NUMBER(text, format) does:
 * the number as text DuckDB's DECIMAL/DOUBLE casts read (`-12.3`, `7543.21`), or NULL when the
 * text matches no alternative of the model.
 */
export function parseNumberSql(format: string, text: string): string {
  const branches = alternatives(format).map((alternative) => alternativeSql(parseModel(alternative), 'T'));
  return bind(text, 'T', branches.length === 1 ? branches[0] : `coalesce(${branches.join(', ')})`);
}
