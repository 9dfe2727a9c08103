import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversion } from './conversion';
import { formatNumberSql, isNumericFormat, parseNumberSql } from './numeric-formats';

let connection: DuckDBConnection;

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(conversion.macros.join(';\n'));
});
afterAll(() => connection.closeSync());

async function single(sql: string): Promise<unknown> {
  const reader = await connection.runAndReadAll(`SELECT ${sql}`);
  return reader.getRowsJson()[0][0];
}

const print = (format: string, value: string) => single(formatNumberSql(format, value));
const read = (format: string, text: string) => single(parseNumberSql(format, `'${text}'`));

describe('formatNumberSql', () => {
  it("prints the to_char page's examples", async () => {
    const cases: [string, string, string][] = [
      ['">"$99.0"<"', '-12.391', '>-$12.4<'],
      ['">"$99.0"<"', '3987', '> $##.#<'],
      ['">"$99.0"<"', '0.01', '>  $0.0<'],
      ['">"B9,999.0"<"', '0', '>      .0<'],
      ['">"B9,999.0"<"', '3987', '> 3,987.0<'],
      ['">"TME"<"', '-12.391', '>-1.2391E1<'],
      ['">"TME"<"', '0.000', '>0E0<'],
      ['">"TM9"<"', '3987.000', '>3987.000<'],
      ['">"0XXX"<"', '-12.391', '>FFF4<'],
      ['">"S0XXX"<"', '-12.391', '>-000C<'],
      ['">"S0XXX"<"', '3987', '>+0F93<'],
    ];
    for (const [format, value, expected] of cases) expect(await print(format, `${value}::DECIMAL(38,3)`), `${format} ${value}`).toBe(expected);
  });

  it('places the sign as the sign-position table shows', async () => {
    const twelve = ['99', 'S99', '99S', 'MI99', '99MI', '$99', 'FM99'];
    expect(await Promise.all(twelve.map((format) => print(format, '12')))).toEqual([' 12', '+12', '12+', ' 12', '12 ', ' $12', '12']);
    expect(await Promise.all(twelve.map((format) => print(format, '-7')))).toEqual([' -7', ' -7', ' 7-', '- 7', ' 7-', ' -$7', '-7']);
  });

  it('pads in fill mode, trims in compact mode, prints leading zeros for 0', async () => {
    expect(await print('999,999.999', '1.2::DOUBLE')).toBe('       1.2  ');
    expect(await print('S000,000.000', '1.2::DOUBLE')).toBe('+000,001.200');
    expect(await print('FM999,999.999', '-123456.789::DOUBLE')).toBe('-123,456.789');
    expect(await print('999.99MI', '-123.45')).toBe('123.45-');
    expect(await print('TM9%', '0.25')).toBe('25%');
    expect(await print('xx', '255')).toBe('ff');
    expect(await print('99', 'NULL::INTEGER')).toBeNull();
  });

  it('refuses what it does not print', () => {
    expect(() => formatNumberSql('9.99EEEE', 'x')).toThrow("Unsupported feature 'exponent format element in '9.99EEEE''");
    expect(() => formatNumberSql('99Q', 'x')).toThrow("Bad output format '99Q' for FIXED");
    expect(() => formatNumberSql('TM9(6,3)', 'x')).toThrow('Unsupported feature');
  });
});

describe('parseNumberSql', () => {
  it("reads the to_decimal page's examples", async () => {
    expect(await read('99.9', '- 0.1')).toBe('-0.1');
    expect(await read('9,999.99', '3,741.72')).toBe('3741.72');
    expect(await read('$9,999.99', '$3,741.72')).toBe('3741.72');
    expect(await read('XXX', 'ae5')).toBe('2789');
    expect(await read('TM9', '-12.3')).toBe('-12.3');
  });

  it('requires the digits 0 asks for and at most the digits the model has', async () => {
    expect(await read('000,000.00', '012,345.67')).toBe('012345.67');
    expect(await read('000,000.00', '12,345.67')).toBeNull();
    expect(await read('XX', 'ae5')).toBeNull();
    expect(await read('9,999.99', '$3,741.72')).toBeNull();
  });

  it('tries each alternative', async () => {
    expect(await read('MI999|999MI', '102-')).toBe('-102');
    expect(await read('MI999|999MI', '-101')).toBe('-101');
    expect(await read('MI999|999MI', '10-3')).toBeNull();
  });
});

describe('isNumericFormat', () => {
  it('tells numeric models from date and time ones', () => {
    for (const format of ['999,999.99', '$9,999.00', 'TM9', '">"S0XXX"<"', 'MI999']) expect(isNumericFormat(format), format).toBe(true);
    for (const format of ['YYYY-MM-DD', 'mon dd, yyyy', 'HH24:MI:SS.FF9', 'DY', '"999" YYYY']) expect(isNumericFormat(format), format).toBe(false);
  });
});
