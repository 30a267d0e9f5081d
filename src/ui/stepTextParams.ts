import { lastSentAt, resendPossibleAt, type BackendDescription, type Policy, type SessionContext } from '../engine/index.ts';
import { checkAddress } from '../diagnostics/index.ts';
import { createFormatters, missingValue } from './createFormatters.ts';

/** Every interpolation parameter the flow texts may use. */
export const stepTextParamNames = [
  'email',
  'correctedEmail',
  'suggestion',
  'sender',
  'support',
  'inviteExpiryDays',
  'deliveryWindowMinutes',
  'cooldownMinutes',
  'resetExpiryHours',
  'inviteExpiry',
  'deliveryWindow',
  'cooldown',
  'resetExpiry',
  'acceptedAt',
  'expiresAt',
  'lastSentAt',
  'lastSentAgo',
  'newExpiresAt',
  'sentAt',
  'resetExpiresAt',
  'cooldownEndsAt',
  'linkExpiresAt',
  'linkOrigin',
  'linkRefusedAfter',
] as const;

/**
 * i18next's `context` for texts whose words depend on a fact being known: with `noLinkOrigin` a
 * text with a `<key>_noLinkOrigin` variant says it without the origin (any other text ignores it).
 */
export const noLinkOrigin = 'noLinkOrigin';

/**
 * A text variant picked by key (`<key>_linkKept`, see `useText`) where the words depend on the
 * backend: `linkKept` where a resend leaves the older link working (the identity system re-sends
 * the same invitation), so no text claims the older link stops working there.
 */
export const linkKept = 'linkKept';

export type StepTextParams = Record<(typeof stepTextParamNames)[number], string> & { context?: typeof noLinkOrigin; variant?: typeof linkKept };

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const unitMs = { day, hour, minute } as const;

/**
 * The values for every `{{param}}` a flow text may use, for any step: from the session's facts,
 * the policy, and diagnostics. Dates are formatted in `locale`, and times relative to `now` in
 * the unit that fits ("5 minutes ago", "vor 3 Tagen"); a value that is not known (yet) is an em
 * dash, so no text ever reads "undefined" (and where a dash would say nothing true, as for the
 * link origin, `context` picks a text that does without the value).
 */
export function stepTextParams(context: SessionContext, policy: Policy, locale: string, now: number = Date.now(), description: BackendDescription | null = null): StepTextParams {
  const format = createFormatters(locale);
  const { user, resend, invited, passwordReset, inviteLink } = context.facts;
  const lastSent = lastSentAt(context);
  // Where invite links point (never the token): the backend's setting, else the copied link's origin.
  const linkOrigin = originOf(context.facts.sending?.linkOrigin) ?? originOf(inviteLink?.url);
  const count = (ms: number, unit: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ms / unit);
  return {
    email: context.email ?? missingValue,
    correctedEmail: context.correctedEmail ?? missingValue,
    suggestion: (context.email ? checkAddress(context.email).suggestion : null) ?? missingValue,
    sender: policy.senderAddress,
    support: policy.supportContact,
    inviteExpiryDays: count(policy.inviteExpiryMs, day),
    deliveryWindowMinutes: count(policy.deliveryWindowMs, minute),
    cooldownMinutes: count(policy.resendCooldownMs, minute),
    resetExpiryHours: count(policy.resetLinkExpiryMs, hour),
    // Durations with their unit, in the language's own plural ("1 day", "7 Tage", "1 timme"):
    // texts use these rather than "{{inviteExpiryDays}} days", which reads "1 days".
    inviteExpiry: duration(policy.inviteExpiryMs, 'day', locale),
    deliveryWindow: duration(policy.deliveryWindowMs, 'minute', locale),
    cooldown: duration(policy.resendCooldownMs, 'minute', locale),
    resetExpiry: duration(policy.resetLinkExpiryMs, 'hour', locale),
    acceptedAt: format.dateTime(user?.acceptedAt),
    expiresAt: format.dateTime(user?.expiresAt),
    // The latest send this session knows of: the user record, or a resend / new invite made since.
    lastSentAt: format.dateTime(lastSent),
    lastSentAgo: format.relative(lastSent, now),
    newExpiresAt: format.dateTime(resend?.expiresAt ?? invited?.expiresAt),
    sentAt: format.dateTime(resend?.sentAt),
    resetExpiresAt: format.dateTime(passwordReset?.expiresAt),
    // The backend's own time after a refused resend, else the policy's cooldown (see resendPossibleAt).
    cooldownEndsAt: format.dateTime(resendPossibleAt(context, policy)),
    linkExpiresAt: format.dateTime(inviteLink?.expiresAt),
    linkOrigin: linkOrigin ?? missingValue,
    linkRefusedAfter: refusedAfter(context, locale),
    // Not known (no sending status, no copied link): the texts that name it have a variant without it.
    ...(linkOrigin ? {} : { context: noLinkOrigin }),
    ...(description?.resend !== 'unsupported' && description?.resendRotatesLink === false ? { variant: linkKept } : {}),
  };
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** How long after delivery a link was first refused as used or expired ("6 seconds", "6 Sekunden"), from the link events. */
function refusedAfter(context: SessionContext, locale: string): string {
  const refusal = context.facts.linkEvents?.find(
    (event) => event.kind === 'refused' && (event.refusal === 'used' || event.refusal === 'expired') && typeof event.secondsAfterDelivery === 'number',
  );
  const seconds = refusal?.secondsAfterDelivery;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long', maximumFractionDigits: 0 }).format(seconds) : missingValue;
}

/** A policy duration with its unit's name, pluralised by `Intl` for the locale ("1 day", "7 Tage"). */
function duration(ms: number, unit: keyof typeof unitMs, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(ms / unitMs[unit]);
}
