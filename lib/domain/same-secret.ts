/**
 * Compares a presented secret with the configured one in time that does not depend on where
 * they differ, or on the configured one's length: every byte of the presented text is compared
 * (against the expected bytes, cycled), and the lengths are folded into the same difference. The
 * time depends only on the presented text, which the caller already knows. Pure (no node:crypto),
 * because both processes check secrets with it.
 */
const encoder = new TextEncoder();

export function sameSecret(presented: string, expected: string): boolean {
  const given = encoder.encode(presented);
  const wanted = encoder.encode(expected);
  let difference = given.length ^ wanted.length;
  const cycle = Math.max(wanted.length, 1);
  for (let i = 0; i < given.length; i++) difference |= given[i] ^ (wanted[i % cycle] ?? 0);
  return difference === 0;
}
