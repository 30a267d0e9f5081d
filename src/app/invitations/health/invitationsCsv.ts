import type { Translate } from '../../../ui/itTicketText.ts';
import type { DiagnosedInvitation } from '../../../registry/InvitationVerdict.ts';

const columns = ['email', 'name', 'status', 'domain', 'cause', 'needsAction', 'since', 'days', 'suggestion', 'remedy'] as const;

/**
 * The rows as CSV (RFC 4180: every field quoted, quotes doubled, CRLF line ends), with a
 * translated header row. A field a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) gets a leading `'`, so an invitee's name cannot become a
 * formula in whoever opens the export.
 */
export function invitationsCsv(rows: readonly DiagnosedInvitation[], text: Translate): string {
  const header = columns.map((column) => text(`invitations.csv.columns.${column}`));
  const lines = rows.map(({ user, domain, verdict }) => [
    user.email,
    user.name ?? '',
    text(`invitations.status.${user.status}`),
    domain,
    text(`invitations.causes.${verdict.cause}`),
    text(verdict.needsAction ? 'invitations.csv.yes' : 'invitations.csv.no'),
    verdict.since ?? '',
    verdict.days === null ? '' : String(verdict.days),
    verdict.suggestion ?? '',
    verdict.remedy ?? '',
  ]);
  return [header, ...lines].map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One field, quoted, with a formula's first character neutralised. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}
