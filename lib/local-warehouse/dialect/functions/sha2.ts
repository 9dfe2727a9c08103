/**
 * SHA2 / SHA2_HEX(msg [, digest_size]): the SHA-2 digest of the UTF-8 bytes as lower-case hex,
 * for digest sizes 224, 256 (the default), 384 and 512. DuckDB has SHA-256 only, so SHA-224
 * (SHA-256's compression from other initial values, cut to 7 words) and SHA-384/512 (64-bit
 * words, 80 rounds) are written out here as SQL over lists: the message is padded as FIPS 180-4
 * says, cut into 16-word blocks, and each block's schedule and rounds are list reductions.
 * The round constants and initial values are derived below from the primes they come from,
 * rather than copied as tables of digits.
 * https://docs.snowflake.com/en/sql-reference/functions/sha2
 */
import { raiseSql } from './raise';

const PRIMES = (() => {
  const primes: number[] = [];
  for (let n = 2; primes.length < 80; n += 1) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return primes.map(BigInt);
})();

/** The integer k-th root of n, rounded down. */
function integerRoot(n: bigint, k: bigint): bigint {
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / Number(k)) + 1);
  for (;;) {
    const next = ((k - 1n) * x + n / x ** (k - 1n)) / k;
    if (next >= x) return x;
    x = next;
  }
}

/** The first `bits` bits of the fractional part of p^(1/k). */
const fraction = (p: bigint, k: bigint, bits: bigint) => integerRoot(p << (bits * k), k) & ((1n << bits) - 1n);

const K512 = PRIMES.map((p) => fraction(p, 3n, 64n));
const K256 = PRIMES.slice(0, 64).map((p) => fraction(p, 3n, 32n));
const IV512 = PRIMES.slice(0, 8).map((p) => fraction(p, 2n, 64n));
const IV384 = PRIMES.slice(8, 16).map((p) => fraction(p, 2n, 64n));
// SHA-224's initial values are the second 32 bits of the fractions SHA-384 starts from.
const IV224 = IV384.map((v) => v & 0xffffffffn);

const list = (values: bigint[]) => `[${values.map((v) => `${v}::UBIGINT`).join(', ')}]`;

/** SQL for the sum of `terms` modulo 2^bits. */
const add = (bits: number, ...terms: string[]) => `((${terms.map((t) => `(${t})::HUGEINT`).join(' + ')}) % ${2n ** BigInt(bits)})::UBIGINT`;

/** SQL rotating the `bits`-bit word `x` right by `n`. */
function rotr(bits: number, x: string, n: number): string {
  const low = (1n << BigInt(n)) - 1n;
  if (bits === 64) return `((${x} >> ${n}) | ((${x} & ${low}::UBIGINT) << ${64 - n}))`;
  return `(((${x} >> ${n}) | ((${x} & ${low}::UBIGINT) << ${32 - n})) & 4294967295::UBIGINT)`;
}

const xor3 = (a: string, b: string, c: string) => `xor(xor(${a}, ${b}), ${c})`;

interface Variant {
  /** Word size in bits. */
  bits: 32 | 64;
  rounds: number;
  constants: bigint[];
  /** Σ0, Σ1 rotations and σ0, σ1 rotations and shifts. */
  big0: [number, number, number];
  big1: [number, number, number];
  small0: [number, number, number];
  small1: [number, number, number];
}

const SHA256_FAMILY: Variant = {
  bits: 32,
  rounds: 64,
  constants: K256,
  big0: [2, 13, 22],
  big1: [6, 11, 25],
  small0: [7, 18, 3],
  small1: [17, 19, 10],
};

const SHA512_FAMILY: Variant = {
  bits: 64,
  rounds: 80,
  constants: K512,
  big0: [28, 34, 39],
  big1: [14, 18, 41],
  small0: [1, 8, 7],
  small1: [19, 61, 6],
};

/** Macros SF_SHA<bits>_BLOCK(h, block) (one block's compression) and SF_SHA<bits>_WORDS(msg) (the digest's words). */
function familyMacros(name: string, v: Variant): string[] {
  const { bits } = v;
  const blockBytes = bits * 2;
  const lengthBytes = bits / 4;
  const wordHex = bits / 4;
  const r = (x: string, n: number) => rotr(bits, x, n);
  const bigSigma = (x: string, [a, b, c]: [number, number, number]) => xor3(r(x, a), r(x, b), r(x, c));
  const smallSigma = (x: string, [a, b, c]: [number, number, number]) => xor3(r(x, a), r(x, b), `(${x} >> ${c})`);
  const s = (i: number) => `s[${i}]`;
  const ch = `xor(${s(5)} & ${s(6)}, (~${s(5)}) & ${s(7)})`;
  const maj = xor3(`${s(1)} & ${s(2)}`, `${s(1)} & ${s(3)}`, `${s(2)} & ${s(3)}`);
  const mask = bits === 32 ? ' & 4294967295::UBIGINT' : '';
  return [
    `CREATE OR REPLACE MACRO SF_${name}_T1(s, k, w) AS ${add(bits, s(8), bigSigma(s(5), v.big1), `(${ch})${mask}`, 'k', 'w')}`,
    `CREATE OR REPLACE MACRO SF_${name}_T2(s) AS ${add(bits, bigSigma(s(1), v.big0), maj)}`,
    `CREATE OR REPLACE MACRO SF_${name}_SCHEDULE(block) AS list_reduce(` +
      `list_transform(range(16, ${v.rounds}), lambda t: [t::UBIGINT]), ` +
      `lambda w, t: list_append(w, ${add(bits, smallSigma('w[t[1]::BIGINT - 1]', v.small1), 'w[t[1]::BIGINT - 6]', smallSigma('w[t[1]::BIGINT - 14]', v.small0), 'w[t[1]::BIGINT - 15]')}), block)`,
    `CREATE OR REPLACE MACRO SF_${name}_ROUNDS(h, w) AS list_reduce(` +
      `list_transform(range(${v.rounds}), lambda t: [${list(v.constants)}[t + 1], w[t + 1]]), ` +
      `lambda s, kw: [${add(bits, `SF_${name}_T1(s, kw[1], kw[2])`, `SF_${name}_T2(s)`)}, s[1], s[2], s[3], ` +
      `${add(bits, 's[4]', `SF_${name}_T1(s, kw[1], kw[2])`)}, s[5], s[6], s[7]], h)`,
    `CREATE OR REPLACE MACRO SF_${name}_BLOCK(h, block) AS ` +
      `list_transform(list_zip(h, SF_${name}_ROUNDS(h, SF_${name}_SCHEDULE(block))), lambda p: ${add(bits, 'p[1]', 'p[2]')})`,
    // The padded message in hex: the bytes, 0x80, zeros, and the length in bits.
    `CREATE OR REPLACE MACRO SF_${name}_PADDED(hex_bytes) AS hex_bytes || '80' || ` +
      `repeat('00', (${blockBytes - lengthBytes} - (length(hex_bytes) // 2 + 1) % ${blockBytes} + ${blockBytes}) % ${blockBytes}) || ` +
      `lpad(hex(length(hex_bytes) // 2 * 8), ${lengthBytes * 2}, '0')`,
    `CREATE OR REPLACE MACRO SF_${name}_BLOCKS(padded) AS list_transform(range(length(padded) // ${blockBytes * 2}), ` +
      `lambda b: list_transform(range(16), lambda i: ('0x' || array_slice(padded, b * ${blockBytes * 2} + i * ${wordHex} + 1, b * ${blockBytes * 2} + (i + 1) * ${wordHex}))::UBIGINT))`,
    `CREATE OR REPLACE MACRO SF_${name}_WORDS(msg, iv) AS list_reduce(SF_${name}_BLOCKS(SF_${name}_PADDED(hex(encode(msg)))), ` +
      `lambda h, block: SF_${name}_BLOCK(h, block), iv)`,
  ];
}

/** The first `count` words of a digest as lower-case hex. */
const digestHex = (words: string, count: number, hexDigits: number) =>
  `array_to_string(list_transform(array_slice(${words}, 1, ${count}), lambda w: lpad(lower(hex(w)), ${hexDigits}, '0')), '')`;

const invalidSize = raiseSql(
  '100000',
  '22023',
  `'Invalid value [' || size::VARCHAR || '] for function ''SHA2'', parameter 2: the digest size must be 224, 256, 384 or 512'`,
);

export const SHA2_MACROS: readonly string[] = [
  ...familyMacros('SHA256', SHA256_FAMILY),
  ...familyMacros('SHA512', SHA512_FAMILY),
  `CREATE OR REPLACE MACRO SF_SHA2(msg, size) AS CASE WHEN msg IS NULL OR size IS NULL THEN NULL ` +
    `WHEN size = 256 THEN sha256(msg) ` +
    `WHEN size = 224 THEN ${digestHex(`SF_SHA256_WORDS(msg, ${list(IV224)})`, 7, 8)} ` +
    `WHEN size = 384 THEN ${digestHex(`SF_SHA512_WORDS(msg, ${list(IV384)})`, 6, 16)} ` +
    `WHEN size = 512 THEN ${digestHex(`SF_SHA512_WORDS(msg, ${list(IV512)})`, 8, 16)} ` +
    `ELSE ${invalidSize}::VARCHAR END`,
  // The text's UTF-8 bytes; a BINARY message would be hashed as its escaped text, so it is refused.
  `CREATE OR REPLACE MACRO SF_SHA2_TEXT(msg) AS CASE WHEN typeof(msg) = 'BLOB' ` +
    `THEN ${raiseSql('000002', '0A000', `'Unsupported feature ''BINARY arguments to SHA2'' in the local warehouse.'`)}::VARCHAR ELSE msg::VARCHAR END`,
  `CREATE OR REPLACE MACRO SHA2(msg) AS SF_SHA2(SF_SHA2_TEXT(msg), 256), (msg, size) AS SF_SHA2(SF_SHA2_TEXT(msg), size)`,
  `CREATE OR REPLACE MACRO SHA2_HEX(msg) AS SF_SHA2(SF_SHA2_TEXT(msg), 256), (msg, size) AS SF_SHA2(SF_SHA2_TEXT(msg), size)`,
];
