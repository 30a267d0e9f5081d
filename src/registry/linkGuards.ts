import type { FlowGuard } from '../engine/index.ts';
import { isOtherAccountRefusal, isScannerRefusal, scannerWindowSeconds } from './invitationPredicates.ts';

export { scannerWindowSeconds };

/**
 * Guards for links that break for another reason than expiry (issue 12, item 2). They read the
 * backend's link events, the sending setup and the latest resend; none asks the person anything.
 */
export const linkGuards: Record<string, FlowGuard> = {
  /**
   * The token was spent by a mail security scanner (Safe Links, a security gateway): a refusal as
   * used or expired within {@link scannerWindowSeconds} of delivery, or one flagged automated.
   */
  isLinkUsedByScanner: ({ context }) => (context.facts.linkEvents ?? []).some(isScannerRefusal),
  /** The person opened their link while signed in as a different account. */
  isOpenedAsOtherAccount: ({ context }) => (context.facts.linkEvents ?? []).some(isOtherAccountRefusal),
  /** Invite links point at a host nobody outside can reach (localhost, a staging or dev host). */
  isLinkHostSuspicious: ({ context }) => {
    const host = linkHost(context.facts.sending?.linkOrigin, context.facts.inviteLink?.url);
    return host !== null && isSuspiciousHost(host);
  },
  /** The latest resend answered with an expiry that had already passed: that link never worked. */
  isResendExpiryPast: ({ context, now }) => {
    const expiresAt = context.facts.resend?.expiresAt;
    if (!expiresAt) return false;
    const at = Date.parse(expiresAt);
    return Number.isNaN(at) || at <= now;
  },
};

/**
 * The host (lower case, without brackets or port) invite links point at: the backend's link
 * origin first, else the copied link's. `null` when neither is known or parses.
 */
export function linkHost(...candidates: ReadonlyArray<string | null | undefined>): string | null {
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const host = new URL(candidate).hostname.toLowerCase();
      if (host) return host.replace(/^\[(.*)\]$/, '$1');
    } catch {
      // Not a URL: try the next source.
    }
  }
  return null;
}

const localSuffixes = ['.local', '.localhost', '.test', '.internal', '.invalid', '.lan', '.home.arpa'];
const devWord = /(?:^|-)(?:staging|stage|stg|dev|develop|development|test|testing|qa|uat|preview|sandbox|local)(?:-|\d|$)/;

/**
 * True for hosts a person outside the product's network cannot open, or should not be sent to:
 * loopback and private addresses, single-label and reserved local names (`.local`, `.test`,
 * `.internal` …), and names whose subdomain labels say staging, dev, test, QA or preview
 * (`staging.app.com`, `app-dev.herokuapp.com`; the registrable domain itself is not judged, so
 * `dev.to` passes).
 */
export function isSuspiciousHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name === '::1' || name === '0.0.0.0') return true;
  if (!name.includes('.') && !name.includes(':')) return true;
  if (/^(?:127|10)\./.test(name) || /^192\.168\./.test(name) || /^172\.(?:1[6-9]|2\d|3[01])\./.test(name)) return true;
  if (localSuffixes.some((suffix) => name.endsWith(suffix))) return true;
  if (/^[\d.]+$/.test(name) || name.includes(':')) return false;
  return name.split('.').slice(0, -2).some((label) => devWord.test(label));
}
