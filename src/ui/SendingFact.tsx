import { findSendingProblem } from '../engine/index.ts';
import { FactCard } from './FactCard.tsx';
import { useSessionSelector } from './useSessionSelector.ts';
import { useText } from './useText.ts';

/**
 * Our own sending side: why the mail never left (or was refused because of how we send), in
 * plain words beside the sending service's own text, and how outgoing mail is set up where the
 * backend reported it. Nothing is shown when the session has no sign of a sending problem or setup.
 */
export function SendingFact() {
  const context = useSessionSelector((snapshot) => snapshot.context);
  const text = useText();
  const problem = findSendingProblem(context);
  const sending = context.facts.sending;
  if (!problem && !sending) return null;
  const rows: Array<[string, string]> = [];
  if (problem) rows.push([text('diagnostics.sending.what'), text(`diagnostics.sending.reasons.${problem.reason ?? 'unknown'}.what`)]);
  if (sending) {
    if (!sending.configured) rows.push([text('diagnostics.sending.provider'), text('diagnostics.sending.notConfigured')]);
    else if (sending.provider) rows.push([text('diagnostics.sending.provider'), sending.provider]);
    if (sending.from) rows.push([text('diagnostics.sending.from'), sending.from]);
    if (sending.linkOrigin) rows.push([text('diagnostics.sending.linkOrigin'), sending.linkOrigin]);
  }
  return (
    <FactCard title={text('diagnostics.sending.title')} tone={problem ? 'warning' : 'neutral'} rows={rows}>
      {problem?.text && (
        <figure className="id-raw">
          <figcaption>{text('diagnostics.sending.raw')}</figcaption>
          <pre>{problem.text}</pre>
        </figure>
      )}
    </FactCard>
  );
}
