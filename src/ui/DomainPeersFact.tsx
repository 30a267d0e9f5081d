import { FactCard } from './FactCard.tsx';
import { useFormattingLocale } from './useFormattingLocale.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useText } from './useText.ts';

/**
 * What listing told about the rest of the address's domain: how many other invitations there are
 * still pending, and how many of those fail too. Counts from a listing that stopped early read
 * "at least N"; nothing is shown before the backend was asked.
 */
export function DomainPeersFact() {
  const peers = useSessionSelector((snapshot) => snapshot.context.facts.domainPeers);
  const locale = useFormattingLocale();
  const text = useText();
  if (!peers) return null;
  const number = new Intl.NumberFormat(locale);
  const count = (value: number) => (peers.complete ? number.format(value) : text('app.facts.domainPeers.atLeast', { value: number.format(value) }));
  return (
    <FactCard
      title={text('app.facts.domainPeers.title', { domain: peers.domain })}
      tone={peers.failing > 0 ? 'warning' : 'neutral'}
      rows={[
        [text('app.facts.domainPeers.pending'), count(peers.pending)],
        [text('app.facts.domainPeers.failing'), count(peers.failing)],
      ]}
    />
  );
}
