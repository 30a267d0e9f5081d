import type { Policy } from '../../../engine/Policy.ts';
import type { DiagnosedInvitation } from '../../../registry/InvitationVerdict.ts';
import { CopyButton } from '../../../ui/CopyButton.tsx';
import { useFormatters } from '../../../ui/useFormatters.ts';
import { useText } from '../../../ui/useText.ts';
import { groupItTickets } from './groupItTickets.ts';

interface GroupItTicketListProps {
  rows: readonly DiagnosedInvitation[];
  policy: Policy;
}

/** One ready-to-send ticket per blocked domain, each to copy or download as a .txt file. No backend call. */
export function GroupItTicketList({ rows, policy }: GroupItTicketListProps) {
  const text = useText();
  const format = useFormatters();
  const tickets = groupItTickets(rows, policy, text, format);
  return (
    <div className="id-group-tickets">
      <p>{text('groupActions.itTicket.intro', { count: tickets.length })}</p>
      {tickets.map((ticket) => (
        <section key={ticket.domain} className="id-group-ticket" aria-label={text('groupActions.itTicket.domainHeading', { domain: ticket.domain, count: ticket.addresses.length })}>
          <h3 className="id-group-subheading">{text('groupActions.itTicket.domainHeading', { domain: ticket.domain, count: ticket.addresses.length })}</h3>
          <pre className="id-ticket" tabIndex={0}>
            {ticket.text}
          </pre>
          <div className="id-actions">
            <CopyButton value={ticket.text} label={text('groupActions.itTicket.copy', { domain: ticket.domain })} />
            <button type="button" className="id-button id-button--secondary" onClick={() => downloadText(ticket.fileName, ticket.text)}>
              {text('groupActions.itTicket.download', { domain: ticket.domain })}
            </button>
          </div>
        </section>
      ))}
    </div>
  );
}

/** Saves `content` as a plain-text file through a temporary object URL. */
function downloadText(fileName: string, content: string): void {
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([content], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
