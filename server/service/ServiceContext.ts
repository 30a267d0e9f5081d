import type { Kysely } from 'kysely';
import type { Clock } from '../../src/engine/Clock.ts';
import type { Policy } from '../../src/engine/Policy.ts';
import type { RetrySettings } from '../config/loadMailConfig.ts';
import type { MailTransport } from '../mail/MailTransport.ts';
import type { MailWorker } from '../mail/outbox/startMailWorker.ts';
import type { Database } from '../store/Database.ts';
import type { InviteLinks } from './createInviteLinks.ts';

/** Limits that protect the service from a caller who repeats an action. */
export interface ServiceLimits {
  /** Minimum time between two password-reset mails to one user. @default the resend cooldown */
  passwordResetCooldownMs: number;
  /** Invitations one key may send in an hour. @default 200 */
  invitesPerKeyPerHour: number;
  /** Actions (POST) one key may take in a minute, whatever they are. @default 600 */
  actionsPerKeyPerMinute: number;
  /** Sign-in code exchanges one client address may try in a minute. @default 10 */
  signInsPerMinute: number;
  /** Fresh invitations the invite page may request from one client address in an hour. @default 5 */
  freshInvitesPerClientPerHour: number;
}

/** What every service operation needs; one per server process, shared by all requests. */
export interface ServiceContext {
  db: Kysely<Database>;
  clock: Clock;
  policy: Policy;
  limits: ServiceLimits;
  links: InviteLinks;
  mail: MailTransport;
  /** From the mail config: the Message-ID host and the queue's back-off. @default the policy sender's domain, the default back-off */
  /** `productName`: how mails and the invite page name the product (MAIL_FROM's display name). */
  mailSettings?: { messageIdHost: string; retry: RetrySettings; from?: string; productName?: string };
  /** The outbox worker; `runAction` asks it for an action's first attempt right after the commit. */
  mailWorker?: MailWorker;
  /** Team names by id (`TEAM_NAMES`, and the demo's teams when the demo is seeded): users and `GET /v1/me` carry them. @default none */
  teamNames?: Readonly<Record<string, string>>;
  /** The origin invite links point at (from `publicUrl`), e.g. `https://app.example.com`: no path, never a token. */
  linkOrigin: string;
  /** Unexpected failures (a lost database connection): logged by the caller, answered as `unavailable`. */
  onError(error: unknown, operation: string): void;
}
