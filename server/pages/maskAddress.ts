/**
 * An address as the invite page shows it: the first and last character of the mailbox, the
 * domain in full (`n•••s@gatekeep.example`). The person holding the link recognises their own
 * address; a link that was forwarded, or fetched and stored by a mail scanner, gives away less.
 */
export function maskAddress(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  const local = [...email.slice(0, at)];
  const shown = local.length <= 2 ? `${local[0] ?? ''}•••` : `${local[0] ?? ''}•••${local.at(-1) ?? ''}`;
  return `${shown}${email.slice(at)}`;
}
