import { lastSentAt, resendPossibleAt, type FactName } from '../engine/index.ts';
import { missingValue } from './createFormatters.ts';
import { DeliveryFindingCard } from './DeliveryFindingCard.tsx';
import { DomainPeersFact } from './DomainPeersFact.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { FactCard } from './FactCard.tsx';
import { InviteLinkFact } from './InviteLinkFact.tsx';
import { ItTicketFact } from './ItTicketFact.tsx';
import { SendingFact } from './SendingFact.tsx';
import { SendingFixFact } from './SendingFixFact.tsx';
import { UserCard } from './UserCard.tsx';
import { useFlowSession } from './useFlowSession.ts';
import { useFormatters } from './useFormatters.ts';
import { useNow } from './useNow.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useStepParams } from './useStepParams.ts';
import { useText } from './useText.ts';

/** The facts a step asks to show beside its text, each in its own card. */
export function FactsPanel({ facts }: { facts: readonly FactName[] | undefined }) {
  const { factsShownBeside } = useFlowSession();
  const shown = facts?.filter((name) => !factsShownBeside.includes(name)) ?? [];
  if (shown.length === 0) return null;
  return (
    <div className="id-facts">
      {shown.map((name) => (
        <Fact key={name} name={name} />
      ))}
    </div>
  );
}

function Fact({ name }: { name: FactName }) {
  switch (name) {
    case 'user':
      return <UserCard />;
    case 'delivery':
      return <DeliveryFindingCard />;
    case 'inviteLink':
      return <InviteLinkFact />;
    case 'itTicket':
      return <ItTicketFact />;
    case 'error':
      return <LastError />;
    case 'deliveryEvents':
      return <DeliveryEvents />;
    case 'sending':
      return <SendingFact />;
    case 'sendingFix':
      return <SendingFixFact />;
    case 'domainPeers':
      return <DomainPeersFact />;
    default:
      return <SimpleFact name={name} />;
  }
}

function LastError() {
  const error = useSessionSelector((snapshot) => snapshot.context.lastError);
  const at = useSessionSelector((snapshot) => snapshot.context.transcript.findLast((entry) => entry.type === 'error')?.at ?? null);
  return error ? <ErrorMessage error={error} at={at} /> : null;
}

function DeliveryEvents() {
  const events = useSessionSelector((snapshot) => snapshot.context.facts.deliveryEvents);
  const text = useText();
  const format = useFormatters();
  if (!events) return null;
  return (
    <FactCard
      title={text('app.deliveryEvents.title')}
      rows={events.map((event, index) => [`${format.dateTime(event.at)} #${index + 1}`, [text(`app.deliveryEvents.kinds.${event.kind}`), event.enhancedCode, event.text].filter(Boolean).join(' · ')])}
    />
  );
}

/** Facts that are a date or two: resend, password reset, new invitation, cooldown, address suggestion. */
function SimpleFact({ name }: { name: Exclude<FactName, 'user' | 'delivery' | 'inviteLink' | 'itTicket' | 'error' | 'deliveryEvents' | 'domainPeers' | 'sending' | 'sendingFix'> }) {
  const context = useSessionSelector((snapshot) => snapshot.context);
  const { policy } = useFlowSession();
  const params = useStepParams();
  const text = useText();
  const format = useFormatters();
  const now = useNow(15_000);
  const { facts } = context;
  const title = text(`app.facts.${name}.title`);
  switch (name) {
    case 'resend':
      return facts.resend ? <FactCard title={title} rows={[[text('app.facts.sentAt'), params.sentAt], [text('app.facts.newExpiresAt'), params.newExpiresAt]]} /> : null;
    case 'passwordReset':
      return facts.passwordReset ? (
        <FactCard title={title} rows={[[text('app.facts.sentAt'), format.dateTime(facts.passwordReset.sentAt)], [text('app.facts.resetExpiresAt'), params.resetExpiresAt]]} />
      ) : null;
    case 'invited':
      return facts.invited ? <FactCard title={title} rows={[[text('app.user.email'), facts.invited.email], [text('app.facts.newExpiresAt'), params.newExpiresAt]]} /> : null;
    case 'cooldown': {
      // Only what is known: the backend's time after a refused resend, else the policy's cooldown.
      const endsAt = resendPossibleAt(context, policy);
      const rows: Array<[string, string]> = [];
      if (lastSentAt(context) !== null) rows.push([text('app.facts.lastSentAt'), params.lastSentAt]);
      if (endsAt !== null) rows.push([text('app.facts.cooldownEndsAt'), `${params.cooldownEndsAt} (${format.relative(endsAt, now)})`]);
      return rows.length > 0 ? <FactCard title={title} rows={rows} /> : null;
    }
    case 'addressSuggestion':
      return params.suggestion !== missingValue ? <FactCard title={title} rows={[[text('app.facts.typed'), params.email], [text('app.facts.suggested'), params.suggestion]]} /> : null;
  }
}
