import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a secret with what a request offered in constant time, whatever their lengths: both
 * are hashed first, so neither the content nor the length leaks through timing.
 */
export function safeEqual(offered: string | Buffer, expected: string | Buffer): boolean {
  const digest = (value: string | Buffer) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(offered), digest(expected));
}
