import type { DeliveryEvent, InvitedUser, LinkEvent } from '../../engine/InvitationBackend.ts';
import type { Policy } from '../../engine/Policy.ts';
import type { MemorySendingSetup } from './MemorySendingSetup.ts';

/**
 * The simulated mail world: how a new delivery attempt to an address turns out.
 * Addresses and domains are lower case.
 */
export interface MailRules {
  /** Domains without an MX record: every attempt bounces with 5.1.2. */
  noMxDomains: readonly string[];
  /** Mailboxes the receiving server does not know: every attempt bounces with 5.1.1. */
  unknownMailboxes: readonly string[];
  /** Domains whose spam/policy filter rejects our mail: every attempt bounces with 5.7.1. */
  blockingDomains: readonly string[];
  /** Domains that greylist: every attempt is deferred with 4.7.1. */
  deferringDomains: readonly string[];
  /** Mailboxes over their storage quota: every attempt is deferred with 4.2.2. @default none */
  fullMailboxes?: readonly string[];
}

/** The whole starting state of a memory backend, as plain data. */
export interface MemorySeed {
  users: InvitedUser[];
  /** The delivery log, any order; it is sorted by time when read. */
  events: DeliveryEvent[];
  /** Addresses on the provider's suppression list: attempts are dropped until it is lifted. */
  suppressed: string[];
  mail: MailRules;
  /** The team an admin's invitation goes to when none is given. */
  defaultTeam: string;
  /** The teams' names by id; a user whose team has one carries it as `teamName`. @default none */
  teamNames?: Readonly<Record<string, string>>;
  /** How outgoing mail is set up. @default defaultSendingSetup (working, no failure) */
  sending?: Partial<MemorySendingSetup>;
  /** What happened to invite links (opened, accepted, refused), any order. @default none */
  linkEvents?: LinkEvent[];
}

/** Builds a seed relative to `now` (epoch ms) so a reset or a test can rebuild it at any time. */
export type MemorySeedFactory = (now: number, policy: Policy) => MemorySeed;
