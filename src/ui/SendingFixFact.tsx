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
      title={text('app.sending.fixTitle')}
      tone="warning"
      rows={[
        [text('app.sending.what'), text(`app.sending.reasons.${reason}.what`)],
        [text('app.sending.fix'), text(`app.sending.reasons.${reason}.fix`)],
        [text('app.sending.who'), text(`app.sending.reasons.${reason}.who`)],
      ]}
    >
      <p>{text('app.sending.then')}</p>
    </FactCard>
  );
}
