import { classifyDeliveryError } from '../../src/diagnostics/index.ts';

/** The SMTP reply code and enhanced status code a provider gave, or found in its text. */
export interface SmtpDetails {
  smtpCode?: number;
  enhancedCode?: string;
}

/**
 * Fills in what the provider left out: many providers report only a text such as
 * `smtp; 550 5.1.1 <x@example.com>... User unknown`. The reply code is the text's leading three
 * digits (after an optional `smtp;`), the enhanced code what `classifyDeliveryError` finds in it.
 * Given values win; the text itself is stored verbatim by the caller.
 */
export function smtpDetails(text: string | undefined, given: { smtpCode?: unknown; enhancedCode?: unknown } = {}): SmtpDetails {
  const details: SmtpDetails = {};
  const givenCode = typeof given.smtpCode === 'number' ? given.smtpCode : typeof given.smtpCode === 'string' ? Number(given.smtpCode) : NaN;
  if (Number.isInteger(givenCode) && givenCode >= 200 && givenCode <= 599) details.smtpCode = givenCode;
  else {
    const leading = /^\s*(?:smtp;\s*)?([245]\d\d)(?:[\s-]|$)/i.exec(text ?? '')?.[1];
    if (leading) details.smtpCode = Number(leading);
  }
  const givenEnhanced = typeof given.enhancedCode === 'string' ? /^#?([245]\.\d{1,3}\.\d{1,3})$/.exec(given.enhancedCode.trim())?.[1] : undefined;
  if (givenEnhanced) details.enhancedCode = givenEnhanced;
  else if (text) {
    const found = classifyDeliveryError(text).code;
    if (found && /^[245]\.\d{1,3}\.\d{1,3}$/.test(found)) details.enhancedCode = found;
  }
  return details;
}

/** A Message-ID without its angle brackets and surrounding space, or undefined. */
export function bareMessageId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const bare = value.trim().replace(/^<(.*)>$/, '$1').trim();
  return bare === '' || bare.length > 998 ? undefined : bare;
}

/** An ISO time from a unix timestamp (seconds) or a date string, else the fallback. */
export function eventTime(value: unknown, fallback: Date): string {
  const date = typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : fallback.toISOString();
}
