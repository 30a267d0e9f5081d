import type { DeliveryEvent, InvitedUser, LinkEvent } from '../../engine/InvitationBackend.ts';
import type { Policy } from '../../engine/Policy.ts';
import type { MailRules, MemorySeed } from './MemorySeed.ts';
import type { DeliveryOutcome } from './predictDeliveryOutcome.ts';
import { deliveryAttempt } from './deliveryAttempt.ts';
import { notSentAttempt } from './MemorySendingSetup.ts';
import { demoTeamNames } from './demoTeamNames.ts';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const demoMail: MailRules = {
  noMxDomains: ['exampel.com'],
  unknownMailboxes: ['gus.nomailbox@example.com'],
  blockingDomains: ['corp.example'],
  deferringDomains: [],
};

/**
 * The demo organisation, one person per troubleshooting story, with every time relative to
 * `now`. Team "a" is the demo team manager's; mo.teamb is the one person outside it.
 */
export function demoSeed(now: number, policy: Policy): MemorySeed {
  const users: InvitedUser[] = [];
  const events: DeliveryEvent[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();

  const invited = (id: string, email: string, name: string, ago: number, outcome: DeliveryOutcome, extra: Partial<InvitedUser> = {}) => {
    const sentAt = now - ago;
    users.push({
      id,
      email,
      name,
      status: 'invited',
      invitedAt: iso(sentAt),
      lastSentAt: iso(sentAt),
      expiresAt: iso(sentAt + policy.inviteExpiryMs),
      acceptedAt: null,
      setupCompleted: false,
      lastSignInAt: null,
      sso: false,
      team: 'a',
      ...extra,
    });
    events.push(...deliveryAttempt(email, iso(sentAt), outcome));
  };
  const accepted = (id: string, email: string, name: string, ago: number, extra: Partial<InvitedUser>) => {
    invited(id, email, name, ago, 'delivered', { status: 'active', expiresAt: null, ...extra });
  };

  invited('usr_ana', 'ana.invited@example.com', 'Ana Alves', 2 * hour, 'delivered');
  // Ben's mail is still in flight: inside the delivery window and the resend cooldown.
  invited('usr_ben', 'ben.recent@example.com', 'Ben Carter', 3 * minute, 'pending');
  // Expired whatever the configured expiry, because that is this person's story.
  invited('usr_cara', 'cara.expired@example.com', 'Cara Doyle', 9 * day, 'delivered', {
    expiresAt: iso(Math.min(now - 9 * day + policy.inviteExpiryMs, now - 2 * day)),
  });
  accepted('usr_dan', 'dan.active@example.com', 'Dan Evans', 40 * day, {
    acceptedAt: iso(now - 39 * day),
    setupCompleted: true,
    lastSignInAt: iso(now - 1 * day),
  });
  accepted('usr_eve', 'eve.deactivated@example.com', 'Eve Fischer', 120 * day, {
    status: 'deactivated',
    acceptedAt: iso(now - 119 * day),
    setupCompleted: true,
    lastSignInAt: iso(now - 30 * day),
  });
  invited('usr_finn', 'finn@exampel.com', 'Finn Gallagher', 1 * day, 'no_mx');
  invited('usr_gus', 'gus.nomailbox@example.com', 'Gus Hoffman', 1 * day, 'unknown_mailbox');
  invited('usr_hana', 'hana.suppressed@example.com', 'Hana Ito', 1 * day, 'suppressed');
  const corp: [string, string][] = [
    ['ivan', 'Ivan Petrov'],
    ['priya', 'Priya Nair'],
    ['tomas', 'Tomas Novak'],
    ['sofia', 'Sofia Rossi'],
    ['liam', "Liam O'Connor"],
  ];
  // One bulk invite yesterday afternoon, a few seconds apart.
  corp.forEach(([local, name], index) => {
    invited(`usr_${local}`, `${local}@corp.example`, name, 1 * day + 3 * hour - index * 2_000, 'blocked');
  });
  invited('usr_jo', 'jo.sso@example.com', 'Jo Sato', 2 * day, 'delivered', { sso: true });
  accepted('usr_kim', 'kim.halfway@example.com', 'Kim Larsen', 3 * day, {
    acceptedAt: iso(now - 3 * day + 2 * hour),
    setupCompleted: false,
    lastSignInAt: null,
  });
  invited('usr_lee', 'lee@gmial.com', 'Lee Morgan', 1 * hour, 'delivered');
  invited('usr_mo', 'mo.teamb@example.com', 'Mo Haddad', 4 * hour, 'delivered', { team: 'b' });
  // Our own sending side (issue 12). Quinn's invitation never left: the provider's daily quota refused it, so no `sent`.
  invited('usr_quinn', 'quinn.quota@example.com', 'Quinn Adler', 2 * hour, 'pending');
  events.splice(events.length - 1, 1, notSentAttempt('quinn.quota@example.com', iso(now - 2 * hour), 'provider_rate_limited', policy.senderAddress).event);
  // Rosa's left, but her mail server refused it: our sending domain fails DMARC (no SPF or DKIM alignment).
  invited('usr_rosa', 'rosa.dmarc@example.org', 'Rosa Lindqvist', 6 * hour, 'pending');
  events.push({
    at: iso(now - 6 * hour),
    email: 'rosa.dmarc@example.org',
    kind: 'bounced',
    smtpCode: 550,
    enhancedCode: '5.7.26',
    text: '550 5.7.26 This mail has been blocked because the sender is unauthenticated. The receiving server requires senders to authenticate with SPF or DKIM; the DMARC policy of app.example.com is reject (SPF: fail, DKIM: none).',
  });

  // Links that broke for another reason than expiry (issue 12), each told by its link events.
  const linkEvents: LinkEvent[] = [];
  const linkEvent = (email: string, sentAgo: number, secondsAfterDelivery: number, event: Pick<LinkEvent, 'kind' | 'refusal' | 'automated'>) => {
    // deliveryAttempt logs the delivery at the moment of the send.
    linkEvents.push({ at: iso(now - sentAgo + secondsAfterDelivery * 1_000), email, secondsAfterDelivery, ...event });
  };
  // Nils's company screens mail through a security gateway: it opened the link 6 s after delivery and spent it.
  invited('usr_nils', 'nils@gatekeep.example', 'Nils Berg', 2 * hour, 'delivered');
  linkEvent('nils@gatekeep.example', 2 * hour, 6, { kind: 'refused', refusal: 'used', automated: true });
  // Olga opened her link in a browser still signed in as someone else.
  invited('usr_olga', 'olga.otheraccount@example.com', 'Olga Ruiz', 5 * hour, 'delivered');
  linkEvent('olga.otheraccount@example.com', 5 * hour, 3_600, { kind: 'refused', refusal: 'wrong_account', automated: false });
  // Pia was invited three days ago and the invitation resent yesterday: the first email's link no longer works.
  events.push(...deliveryAttempt('pia.resent@example.com', iso(now - 3 * day), 'delivered'));
  invited('usr_pia', 'pia.resent@example.com', 'Pia Quist', 1 * day, 'delivered', { invitedAt: iso(now - 3 * day) });

  return { users, events, suppressed: ['hana.suppressed@example.com'], mail: demoMail, defaultTeam: 'a', teamNames: demoTeamNames, linkEvents };
}
