import { useState } from 'react';
import { FactCard } from './FactCard.tsx';
import { useFlowSession } from './useFlowSession.ts';
import { useFormatters } from './useFormatters.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useText } from './useText.ts';
import { CopyButton } from './CopyButton.tsx';

/**
 * The copied invite link: a secret, so it is masked until the person chooses to reveal it, copied
 * only on request, never logged. After a reload it is gone (saved sessions never hold it) and
 * has to be fetched again.
 */
export function InviteLinkFact() {
  const link = useSessionSelector((snapshot) => snapshot.context.facts.inviteLink);
  const canGoBack = useSessionSelector((snapshot) => snapshot.can({ type: 'step.back' }));
  const { actor } = useFlowSession();
  const [revealed, setRevealed] = useState(false);
  const text = useText();
  const format = useFormatters();

  if (!link) {
    return (
      <FactCard title={text('app.link.title')} rows={[]}>
        <p>{text('app.link.notKept')}</p>
        {canGoBack && (
          <button type="button" className="id-button id-button--secondary" onClick={() => actor.send({ type: 'step.back' })}>
            {text('app.link.fetchAgain')}
          </button>
        )}
      </FactCard>
    );
  }
  return (
    <FactCard
      title={text('app.link.title')}
      rows={[
        [text('app.link.expiresAt'), <time dateTime={link.expiresAt}>{format.dateTime(link.expiresAt)}</time>],
        [text('app.link.use'), text(link.singleUse ? 'app.link.singleUse' : 'app.link.multiUse')],
      ]}
    >
      <p className="id-secret" data-testid="invite-link">
        <code>{revealed ? link.url : maskLink(link.url)}</code>
      </p>
      <div className="id-actions">
        <button type="button" className="id-button id-button--secondary" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
          {text(revealed ? 'app.link.hide' : 'app.link.reveal')}
        </button>
        <CopyButton value={link.url} label={text('app.link.copy')} />
      </div>
    </FactCard>
  );
}

/** Keeps the address's start so people recognise it; hides the token. */
function maskLink(url: string): string {
  const cut = url.lastIndexOf('/') + 1;
  return `${url.slice(0, cut)}${'•'.repeat(12)}`;
}
