import type { OutgoingMail } from './MailTransport.ts';
import { pickLocale, serverText } from '../i18n/serverText.ts';
import { localeDirection } from '../../src/app/supportedLocales.ts';

/** A mail's visible parts. */
export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The invitation, resend or password-reset mail in the recipient's language (the `mail`
 * namespace; English when the language is unknown): a plain-text part and an HTML part saying the
 * same. Every value put into the HTML (product, address, link, date) is escaped; the texts are
 * escaped too, as translations are data.
 */
export function composeMail(mail: OutgoingMail, product: string): ComposedMail {
  const language = pickLocale(mail.language);
  const t = serverText('mail', language);
  // In UTC, said so (where and how the language says a time zone, through Intl): the server does not know the invitee's time zone.
  const date = mail.expiresAt
    ? new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(mail.expiresAt)
    : null;
  const values = { product, address: mail.to, date: date ?? '' };
  const isReset = mail.purpose === 'password_reset';
  const section = isReset ? 'passwordReset' : 'invitation';
  const subject = t(isReset ? 'passwordReset.subject' : mail.resend ? 'invitation.resendSubject' : 'invitation.subject', values);
  const paragraphs = [t(`${section}.body`, values), ...(!isReset && mail.resend ? [t('invitation.resendNote', values)] : [])];
  const after = [...(mail.link && date ? [t(`${section}.expires`, values)] : []), ...(isReset && !mail.link ? [t('passwordReset.noLink', values)] : []), t(`${section}.ignore`, values)];
  const button = t(`${section}.button`, values);
  const footer = t('footer', values);
  const greeting = t(`${section}.greeting`, values);

  const text = [greeting, '', ...paragraphs, '', ...(mail.link ? [`${button}: ${mail.link}`, ''] : []), ...after, '', '-- ', footer, ''].join('\n');
  const p = (value: string) => `<p>${escapeHtml(value)}</p>`;
  const html = [
    '<!doctype html>',
    `<html lang="${language}" dir="${localeDirection(language)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a;">',
    p(greeting),
    ...paragraphs.map(p),
    ...(mail.link
      ? [
          `<p><a href="${escapeHtml(mail.link)}" style="display: inline-block; padding: 10px 18px; background: #1f5fbf; color: #ffffff; text-decoration: none; border-radius: 4px;">${escapeHtml(button)}</a></p>`,
          `<p style="font-size: 0.9em; word-break: break-all;">${escapeHtml(mail.link)}</p>`,
        ]
      : []),
    ...after.map(p),
    `<p style="font-size: 0.85em; color: #555555;">${escapeHtml(footer)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
