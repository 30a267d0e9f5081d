import { FactCard } from './FactCard.tsx';
import { itTicketText } from './itTicketText.ts';
import { useCopyText } from './useCopyText.ts';
import { useFlowSession } from './useFlowSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useText } from './useText.ts';

/** A ready-to-paste ticket for the recipient's IT team, in the current language. */
export function ItTicketFact() {
  const context = useSessionSelector((snapshot) => snapshot.context);
  const { policy } = useFlowSession();
  const [copyState, copy] = useCopyText();
  const text = useText();
  const ticket = itTicketText(context, policy, text);
  return (
    <FactCard title={text('app.itTicket.title')} rows={[]}>
      <pre className="id-ticket" tabIndex={0} aria-label={text('app.itTicket.title')}>
        {ticket}
      </pre>
      <div className="id-actions">
        <button type="button" className="id-button id-button--secondary" onClick={() => void copy(ticket)}>
          {text('app.itTicket.copy')}
        </button>
        <span role="status" className="id-copy-status">
          {copyState === 'copied' ? text('app.common.copied') : copyState === 'failed' ? text('app.common.copyFailed') : ''}
        </span>
      </div>
    </FactCard>
  );
}
