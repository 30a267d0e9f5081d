/**
 * Hides what must never leave a session in clear: URLs (invite and reset links carry their
 * token in the path or query) and long token-like strings. The host stays visible, so a reader
 * still sees which system a link pointed to.
 */
export function maskSecrets(text: string): string {
  return text
    .replace(/\b(https?):\/\/([^\s/?#<>"']+)[^\s<>"']*/gi, (_, scheme: string, host: string) => `${scheme}://${host}/•••`)
    .replace(/\b[A-Za-z0-9_-]{24,}\b/g, (token) => `${token.slice(0, 4)}•••`);
}

/** `anna.berg@example.com` → `a•••@example.com`: enough to tell cases apart, not enough to write to. */
export function redactAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${address.slice(0, 1)}•••${address.slice(at)}`;
}
