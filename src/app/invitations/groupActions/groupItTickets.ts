import type { Policy } from '../../../engine/Policy.ts';
import type { DiagnosedInvitation } from '../../../registry/InvitationVerdict.ts';
import { missingValue, type Formatters } from '../../../ui/createFormatters.ts';
import type { Translate } from '../../../ui/itTicketText.ts';

/** One ticket for one recipient domain's IT team. */
export interface GroupItTicket {
  domain: string;
  addresses: string[];
  /** Plain text, pasted into other people's ticket systems. */
  text: string;
  /** A safe file name for the download (`it-ticket-example.com.txt`). */
  fileName: string;
}

/**
 * One ticket per blocked domain, listing every affected address with its bounce code, the mail
 * server's own words and the date, and what IT should allow (our sender), as the wizard's single
 * ticket (`itTicketText`) does for one address. Domains in the order of their first row.
 */
export function groupItTickets(rows: readonly DiagnosedInvitation[], policy: Policy, text: Translate, format: Formatters): GroupItTicket[] {
  const byDomain = new Map<string, DiagnosedInvitation[]>();
  for (const row of rows) byDomain.set(row.domain, [...(byDomain.get(row.domain) ?? []), row]);
  return [...byDomain].map(([domain, domainRows]) => {
    const addresses = [...new Set(domainRows.map((row) => row.user.email))];
    const lines = domainRows.map((row) =>
      text('groupActions.itTicket.addressLine', {
        address: row.user.email,
        code: row.verdict.delivery?.code ?? missingValue,
        providerText: row.verdict.delivery?.raw || missingValue,
        date: format.dateTime(row.verdict.delivery?.at ?? row.verdict.since),
      }),
    );
    const body = text('groupActions.itTicket.text', { sender: policy.senderAddress, domain, count: addresses.length, addresses: lines.join('\n') });
    return { domain, addresses, text: body, fileName: `it-ticket-${domain.replace(/[^a-z0-9.-]/gi, '_')}.txt` };
  });
}
