import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { lastSentAt } from '../../engine/index.ts';
import { missingValue } from '../createFormatters.ts';
import { useFormatters } from '../useFormatters.ts';
import { useNow } from '../useNow.ts';
import { useSessionSelector } from '../useSessionSelector.ts';
import { useText } from '../useText.ts';

/**
 * What the backend reported, at a glance: status, sends, expiry, acceptance, sign-in, team, the
 * latest delivery finding and the delivery events. A value not known yet reads "—".
 */
export function FactsStrip() {
  const context = useSessionSelector((snapshot) => snapshot.context);
  const text = useText();
  const format = useFormatters();
  const { i18n } = useTranslation();
  const now = useNow(30_000);
  const { user, delivery, deliveryEvents, resend, invited } = context.facts;

  // `past`: a send or acceptance the backend reports is never "in 4 seconds", however stale `now` is.
  const when = (value: string | number | null | undefined, tone?: 'due' | 'past'): ReactNode => {
    const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
    if (!Number.isFinite(ms)) return missingValue;
    const iso = new Date(ms).toISOString();
    return (
      <>
        <time dateTime={iso} className={tone === 'due' ? 'id-agent-due' : undefined}>
          {format.relative(ms, tone === 'past' ? Math.max(now, ms) : now)}
        </time>
        <span className="id-agent-fact-detail">{format.dateTime(ms)}</span>
      </>
    );
  };
  const expiresAt = resend?.expiresAt ?? invited?.expiresAt ?? (user ? user.expiresAt : null);
  const expired = user?.status === 'invited' && expiresAt !== null && Date.parse(expiresAt) <= now;
  const status =
    user === undefined ? text('agent.facts.notLookedUp') : user === null ? text('agent.facts.noUser') : (
      <span className={`id-status id-status--${expired ? 'expired' : user.status}`}>{text(`app.user.statuses.${expired ? 'expired' : user.status}`)}</span>
    );
  const category = (name: string) => (i18n.exists(`app.delivery.categories.${name}`, { ns: 'app' }) ? text(`app.delivery.categories.${name}`) : name);
  const finding =
    delivery === undefined ? missingValue : delivery === null ? text('agent.facts.deliveryFine') : (
      <>
        {category(delivery.category)}
        {delivery.code && (
          <>
            {' '}
            <code>{delivery.code}</code>
          </>
        )}
      </>
    );

  // Everything the step's own person card would show (FlowRunner leaves that card out in agent mode).
  const facts: Array<[string, ReactNode]> = [
    [text('app.user.name'), user?.name ?? missingValue],
    [text('app.user.status'), status],
    [text('app.user.invitedAt'), when(user?.invitedAt, 'past')],
    [text('app.user.lastSentAt'), when(lastSentAt(context), 'past')],
    [text('app.user.expiresAt'), when(expiresAt, expired ? 'due' : undefined)],
    [text('app.user.acceptedAt'), user ? when(user.acceptedAt, 'past') : missingValue],
    [text('agent.facts.sso'), user ? text(user.sso ? 'app.common.yes' : 'app.common.no') : missingValue],
    [text('app.user.team'), user ? (user.teamName ?? user.team) : missingValue],
  ];
  if (user?.acceptedAt) facts.push([text('app.user.setup'), text(user.setupCompleted ? 'app.common.yes' : 'app.common.no')]);

  return (
    <section className="id-agent-facts" aria-labelledby="id-agent-facts-title">
      <h2 id="id-agent-facts-title" className="id-agent-card-title">
        {text('agent.facts.title')}
      </h2>
      <dl className="id-agent-facts-list">
        {facts.map(([label, value]) => (
          <div key={label} className="id-agent-fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="id-agent-events">
        <h3 className="id-agent-subtitle">{text('agent.facts.deliveryTitle')}</h3>
        <p>
          <span className="id-muted">{text('agent.facts.delivery')}:</span> <strong>{finding}</strong>
        </p>
        {deliveryEvents === undefined ? (
          <p className="id-muted">{text('agent.facts.eventsNotRead')}</p>
        ) : deliveryEvents.length === 0 ? (
          <p className="id-muted">{text('agent.facts.noEvents')}</p>
        ) : (
          <ol className="id-agent-event-list" aria-label={text('agent.facts.events', { count: deliveryEvents.length })}>
            {deliveryEvents.map((event, index) => (
              <li key={index}>
                <time dateTime={event.at}>{format.dateTime(event.at)}</time>{' '}
                <strong>{text(`app.deliveryEvents.kinds.${event.kind}`)}</strong>
                {event.enhancedCode && (
                  <>
                    {' '}
                    <code>{event.enhancedCode}</code>
                  </>
                )}
                {/* The mail system's own words, in its language: isolated, so an English reply keeps its order in an Arabic line. */}
                {event.text && (
                  <>
                    {' '}
                    <span className="id-agent-event-text" dir="auto">
                      {event.text}
                    </span>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
