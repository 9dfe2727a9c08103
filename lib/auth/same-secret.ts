/**
 * Compares a presented secret with the configured one in time that does not depend on where
 * they differ, or on the configured one's length (both are hashed to 32 bytes first).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}
