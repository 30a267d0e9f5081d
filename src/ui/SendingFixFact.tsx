import { findSendingProblem } from '../engine/index.ts';
import { FactCard } from './FactCard.tsx';
import { useSessionSelector } from './useSessionSelector.ts';
import { useText } from './useText.ts';

/** The concrete fix for a sending-side problem and who makes it (the product's operator, the mail provider account owner, the DNS admin). */
export function SendingFixFact() {
  const context = useSessionSelector((snapshot) => snapshot.context);
  const text = useText();
  const reason = findSendingProblem(context)?.reason ?? 'unknown';
  return (
    <FactCard
      title={text('diagnostics.sending.fixTitle')}
      tone="warning"
      rows={[
        [text('diagnostics.sending.what'), text(`diagnostics.sending.reasons.${reason}.what`)],
        [text('diagnostics.sending.fix'), text(`diagnostics.sending.reasons.${reason}.fix`)],
        [text('diagnostics.sending.who'), text(`diagnostics.sending.reasons.${reason}.who`)],
      ]}
    >
      <p>{text('diagnostics.sending.then')}</p>
    </FactCard>
  );
}
