import type { DeliveryEvent, InvitedUser, LinkEvent } from '../../engine/InvitationBackend.ts';
import type { Policy } from '../../engine/Policy.ts';
import { deliveryAttempt } from './deliveryAttempt.ts';
import { demoOrganisationWorld as world } from './demoOrganisationWorld.ts';
import type { MailRules, MemorySeed } from './MemorySeed.ts';
import type { DeliveryOutcome } from './predictDeliveryOutcome.ts';
import { demoTeamNames } from './demoTeamNames.ts';

/** How many people the demo organisation invites unless told otherwise. */
export const defaultOrganisationSize = 2_400;
/** The most people {@link demoOrganisation} generates. */
export const maxOrganisationSize = 20_000;

const second = 1_000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
/** How far back the invitations go. */
export const organisationSpanMs = 60 * day;

/**
 * A whole organisation of `size` invitations over the last 60 days, as seed data to add to another
 * seed (see withDemoOrganisation). Deterministic: a fixed-seed generator decides everything, and
 * every time is an offset from `now`, so the same `now` gives the same data on every run.
 *
 * The mix, for the default size (the unit test holds these ranges):
 * - most people accepted and set up; a few accepted without finishing setup; a few deactivated;
 * - some delivered and still waiting; a few hundred expired without being accepted;
 * - bounces: unknown mailboxes (5.1.1), typo free-mail domains without MX (5.1.2), three companies
 *   whose filters refuse every address (5.7.1, 15–80 people each);
 * - deferrals: full mailboxes (4.2.2) and a greylisting company (4.7.1); suppressed addresses;
 * - a company behind a security gateway whose scanner spends every link seconds after delivery;
 * - a single-sign-on company; a company that onboarded 200 people in one afternoon nine days ago.
 * The fixed groups come first; the rest are everyday invitations at everyday companies.
 */
export function demoOrganisation(now: number, policy: Policy, size = defaultOrganisationSize): MemorySeed {
  const count = Math.max(0, Math.min(maxOrganisationSize, Math.floor(size)));
  const random = createRandom(0x15_0d_0c);
  const users: InvitedUser[] = [];
  const events: DeliveryEvent[] = [];
  const linkEvents: LinkEvent[] = [];
  const suppressed: string[] = [];
  const mail = { noMxDomains: [...world.typoDomains], unknownMailboxes: [] as string[], blockingDomains: world.strictCompanies.map((company) => company.domain), deferringDomains: [world.greylistCompany.domain], fullMailboxes: [] as string[] };
  const taken = new Set<string>();
  const iso = (ms: number) => new Date(ms).toISOString();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  /** A new person at `domain`, with an address no one else has. */
  const person = (domain: string, freeMail = false) => {
    const first = pick(world.firstNames);
    const last = pick(world.lastNames);
    const base = freeMail ? `${fold(first)}.${fold(last)}${10 + Math.floor(random() * 90)}` : `${fold(first)}.${fold(last)}`;
    let email = `${base}@${domain}`;
    for (let n = 2; taken.has(email); n += 1) email = `${base}${n}@${domain}`;
    taken.add(email);
    return { email, name: `${first} ${last}` };
  };

  /**
   * One invitation sent `ago` ms before now, with its delivery attempt. `acceptAfter`: when the
   * invitee accepts after delivery (null: never); only a delivered mail can be accepted.
   */
  const invite = (domain: string, ago: number, outcome: DeliveryOutcome, options: { team?: string; sso?: boolean; freeMail?: boolean; acceptAfter?: number | null } = {}) => {
    if (users.length >= count) return null;
    const { email, name } = person(domain, options.freeMail);
    const sentAt = now - ago;
    const team = options.team ?? (random() < 0.65 ? 'a' : 'b');
    const user: InvitedUser = {
      id: `usr_org_${String(users.length + 1).padStart(5, '0')}`,
      email,
      name,
      status: 'invited',
      invitedAt: iso(sentAt),
      lastSentAt: iso(sentAt),
      expiresAt: iso(sentAt + policy.inviteExpiryMs),
      acceptedAt: null,
      setupCompleted: false,
      lastSignInAt: null,
      sso: options.sso ?? false,
      team,
    };
    users.push(user);
    events.push(...deliveryAttempt(email, iso(sentAt), outcome));
    const acceptAfter = outcome === 'delivered' ? (options.acceptAfter === undefined ? acceptanceDelay(random) : options.acceptAfter) : null;
    if (acceptAfter !== null && acceptAfter < Math.min(ago, policy.inviteExpiryMs)) accept(user, sentAt, acceptAfter);
    // A group with its own story (acceptAfter given) tells it itself.
    else if (outcome === 'delivered' && options.acceptAfter === undefined) unanswered(user, sentAt);
    return user;
  };

  const accept = (user: InvitedUser, sentAt: number, after: number) => {
    const acceptedAt = sentAt + after;
    const opened = Math.max(0, after - Math.floor(random() * 5 * minute));
    linkEvents.push({ at: iso(sentAt + opened), email: user.email, kind: 'opened', secondsAfterDelivery: Math.round(opened / second), automated: false });
    linkEvents.push({ at: iso(acceptedAt), email: user.email, kind: 'accepted', secondsAfterDelivery: Math.round(after / second), automated: false });
    const finished = user.sso || random() < 0.93;
    const signedIn = acceptedAt + Math.floor(random() * (now - acceptedAt));
    Object.assign(user, { status: 'active', expiresAt: null, acceptedAt: iso(acceptedAt), setupCompleted: finished, lastSignInAt: finished ? iso(signedIn) : null });
    if (now - acceptedAt > 10 * day && random() < 0.04) user.status = 'deactivated';
  };

  /** Delivered, never accepted: some opened it and left; some click after it expired; some got a resend. */
  const unanswered = (user: InvitedUser, sentAt: number) => {
    const expiresAt = sentAt + policy.inviteExpiryMs;
    if (random() < 0.2) {
      const opened = Math.floor(random() * Math.min(now - sentAt, policy.inviteExpiryMs));
      linkEvents.push({ at: iso(sentAt + opened), email: user.email, kind: 'opened', secondsAfterDelivery: Math.round(opened / second), automated: false });
    }
    if (expiresAt < now && random() < 0.1) {
      const late = expiresAt + Math.floor(random() * (now - expiresAt));
      linkEvents.push({ at: iso(late), email: user.email, kind: 'refused', refusal: 'expired', secondsAfterDelivery: Math.round((late - sentAt) / second), automated: false });
    } else if (random() < 0.1 && now - sentAt > 3 * day + policy.resendCooldownMs) {
      // Resent by hand three days later: the first email's link no longer works.
      const resentAt = sentAt + 3 * day;
      events.push(...deliveryAttempt(user.email, iso(resentAt), 'delivered'));
      Object.assign(user, { lastSentAt: iso(resentAt), expiresAt: iso(resentAt + policy.inviteExpiryMs) });
    }
  };

  // The fixed groups, each told by its own delivery or link events.
  for (const company of world.strictCompanies) {
    // This week's onboarding, still inside the invitation's expiry: the filter is the story, not the
    // expiry (the wizard, and so the verdict, would call an expired one "expired" first).
    const waveAgo = Math.floor(random() * Math.max(hour, Math.min(6 * day, policy.inviteExpiryMs - 4 * hour))) + 2 * hour;
    const team = random() < 0.5 ? 'a' : 'b';
    for (let i = 0; i < company.people; i += 1) invite(company.domain, waveAgo - i * 4 * second, 'blocked', { team });
  }
  const gatewayAgo = 20 * day;
  for (let i = 0; i < world.gatewayCompany.people; i += 1) {
    const ago = gatewayAgo - i * 12 * hour - Math.floor(random() * hour);
    const user = invite(world.gatewayCompany.domain, ago, 'delivered', { team: 'a', acceptAfter: null });
    if (!user) break;
    const sentAt = now - ago;
    // The gateway's scanner follows the link seconds after delivery and spends it; the person finds it used later.
    const scanned = 2 + Math.floor(random() * 10);
    linkEvents.push({ at: iso(sentAt + scanned * second), email: user.email, kind: 'refused', refusal: 'used', secondsAfterDelivery: scanned, automated: true });
    if (random() < 0.45) {
      const clicked = scanned + 60 + Math.floor(random() * 8 * 3_600);
      linkEvents.push({ at: iso(sentAt + clicked * second), email: user.email, kind: 'refused', refusal: 'used', secondsAfterDelivery: clicked, automated: false });
    }
  }
  for (let i = 0; i < world.greylistCompany.people; i += 1) invite(world.greylistCompany.domain, Math.floor(random() * 2 * day) + 10 * minute, 'deferred', { team: 'b' });
  // The bulk wave: one afternoon nine days ago, a person a minute.
  const waveStart = 9 * day - 4 * hour;
  for (let i = 0; i < 200; i += 1) invite(world.bulkCompany, waveStart - i * minute, random() < 0.03 ? 'unknown_mailbox' : 'delivered', { team: 'a' });
  // Three still in flight, invited moments ago.
  for (let i = 0; i < 3; i += 1) invite(pick(world.companies), (i + 1) * minute, 'pending');

  // Everyone else: everyday invitations, with the odd bounce, deferral or suppression.
  while (users.length < count) {
    const ago = invitationAge(random);
    const roll = random();
    const company = pick(world.companies);
    if (roll < 0.025) invite(company, ago, 'unknown_mailbox');
    else if (roll < 0.04) invite(pick(world.typoDomains), ago, 'no_mx', { freeMail: true });
    else if (roll < 0.046) invite(company, ago, 'mailbox_full');
    else if (roll < 0.054) invite(company, ago, 'suppressed');
    else if (roll < 0.1) invite(world.ssoCompany, ago, 'delivered', { sso: true, team: 'b' });
    else if (roll < 0.16) invite(pick(world.freeMail), ago, 'delivered', { freeMail: true });
    else invite(company, ago, 'delivered');
  }

  // The mail rules follow from the story: a resend meets the same fate as the first attempt.
  for (const event of events) {
    if (event.enhancedCode === '5.1.1') mail.unknownMailboxes.push(event.email);
    if (event.enhancedCode === '4.2.2') mail.fullMailboxes.push(event.email);
    if (event.kind === 'dropped') suppressed.push(event.email);
  }
  return { users, events, linkEvents, suppressed, mail: mail satisfies Required<MailRules>, defaultTeam: 'a', teamNames: demoTeamNames };
}

/**
 * A small, fast pseudo-random generator (mulberry32) with a fixed seed: the same sequence on
 * every run and platform, which `Math.random` cannot promise.
 */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** How long ago an everyday invitation went out: within 60 days, more of them recently (a growing organisation). */
function invitationAge(random: () => number): number {
  const spread = random() ** 1.5;
  return 15 * minute + Math.floor(spread * (organisationSpanMs - hour));
}

/** How long after delivery someone accepts: half within hours, most within two days, one in six never. */
function acceptanceDelay(random: () => number): number | null {
  const roll = random();
  if (roll < 0.5) return 2 * minute + Math.floor(random() * 4 * hour);
  if (roll < 0.75) return 4 * hour + Math.floor(random() * 2 * day);
  if (roll < 0.84) return 2 * day + Math.floor(random() * 4 * day);
  return null;
}

/** An address's local-part spelling of a name: ASCII letters only (`Sørensen` → `sorensen`). */
function fold(name: string): string {
  return name.replace(/ø/gi, 'o').replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
}
