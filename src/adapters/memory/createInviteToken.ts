/** Where invite links point; the token is the last path segment. */
export const inviteLinkBase = 'https://app.example.com/invite/';

/** A fresh unguessable link token: 24 random bytes as 32 base64url characters. */
export function createInviteToken(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}
