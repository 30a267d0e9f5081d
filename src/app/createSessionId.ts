/** A random id for a session: unguessable enough that a shared URL never names another person's session by chance. */
export function createSessionId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(36).padStart(2, '0')).join('').slice(0, 14);
}
