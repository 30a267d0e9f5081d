import { matchAutomatedUserAgent } from './automatedUserAgents.ts';

/** A GET this soon after delivery, without any Accept-Language, is a gateway's, not a reader's. */
export const scannerWindowSeconds = 10;

export interface LinkRequest {
  method: string;
  userAgent: string | null;
  acceptLanguage: string | null;
}

/**
 * Whether a request of an invite link looks automated: a known scanner or client user agent
 * (see `automatedUserAgents`), a HEAD (browsers never HEAD a link a person clicks), no user agent
 * at all, or a GET within a few seconds of delivery that asks for no language (browsers always do).
 */
export function isAutomatedRequest(request: LinkRequest, secondsAfterDelivery: number | null): boolean {
  if (request.method === 'HEAD') return true;
  if (!request.userAgent) return true;
  if (matchAutomatedUserAgent(request.userAgent)) return true;
  return request.method === 'GET' && !namesALanguage(request.acceptLanguage) && secondsAfterDelivery !== null && secondsAfterDelivery <= scannerWindowSeconds;
}

/** True for an Accept-Language naming a language; `*` (what scripted clients such as fetch send) names none. */
function namesALanguage(acceptLanguage: string | null): boolean {
  return /(^|,)\s*[a-z]{1,8}(-|;|,|\s|$)/i.test(acceptLanguage ?? '');
}
