import type { ReactNode } from 'react';
import { missingValue } from './createFormatters.ts';
import { FactCard } from './FactCard.tsx';
import { useFormatters } from './useFormatters.ts';
import { useNow } from './useNow.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useText } from './useText.ts';

/** What the backend knows about the person: status, when they were invited, when it expires. */
export function UserCard() {
  const user = useSessionSelector((snapshot) => snapshot.context.facts.user);
  // A resend in this session is newer than the lookup: show the invitation as it is now.
  const resend = useSessionSelector((snapshot) => snapshot.context.facts.resend);
  const text = useText();
  const format = useFormatters();
  const now = useNow(30_000);
  if (user === undefined) return null;
  if (user === null) return <FactCard title={text('app.user.title')} rows={[]}><p>{text('app.user.notFound')}</p></FactCard>;

  // A date that is not there is said in words ("Not yet", "Never"), never as a dash.
  const when = (value: string | null | undefined, absentKey: string) =>
    value ? (
      <>
        <time dateTime={value}>{format.dateTime(value)}</time> <span className="id-muted">({format.relative(value, now)})</span>
      </>
    ) : (
      text(absentKey)
    );
  const lastSentAt = resend?.sentAt ?? user.lastSentAt;
  const expiresAt = resend?.expiresAt ?? user.expiresAt;
  const expired = user.status === 'invited' && expiresAt !== null && Date.parse(expiresAt) <= now;
  const rows: Array<[string, ReactNode]> = [
    [text('app.user.name'), user.name ?? missingValue],
    [text('app.user.email'), user.email],
    [text('app.user.status'), <span className={`id-status id-status--${expired ? 'expired' : user.status}`}>{text(`app.user.statuses.${expired ? 'expired' : user.status}`)}</span>],
    [text('app.user.team'), user.teamName ?? user.team],
    [text('app.user.invitedAt'), when(user.invitedAt, 'app.user.never')],
    [text('app.user.lastSentAt'), when(lastSentAt, 'app.user.never')],
    [text('app.user.expiresAt'), when(expiresAt, 'app.user.noOpenInvitation')],
    [text('app.user.acceptedAt'), when(user.acceptedAt, 'app.user.notYet')],
    [text('app.user.signIn'), text(user.sso ? 'app.user.sso' : 'app.user.password')],
  ];
  if (user.acceptedAt) rows.push([text('app.user.setup'), text(user.setupCompleted ? 'app.common.yes' : 'app.common.no')]);
  return <FactCard title={text('app.user.title')} rows={rows} />;
}
