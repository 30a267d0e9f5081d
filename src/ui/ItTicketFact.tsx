import { FactCard } from './FactCard.tsx';
import { itTicketText } from './itTicketText.ts';
import { useFlowSession } from './useFlowSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useText } from './useText.ts';
import { CopyButton } from './CopyButton.tsx';

/** A ready-to-paste ticket for the recipient's IT team, in the current language. */
export function ItTicketFact() {
  const context = useSessionSelector((snapshot) => snapshot.context);
  const { policy } = useFlowSession();
  const text = useText();
  const ticket = itTicketText(context, policy, text);
  return (
    <FactCard title={text('app.itTicket.title')} rows={[]}>
      <pre className="id-ticket" tabIndex={0} aria-label={text('app.itTicket.title')}>
        {ticket}
      </pre>
      <div className="id-actions">
        <CopyButton value={ticket} label={text('app.itTicket.copy')} />
      </div>
    </FactCard>
  );
}
